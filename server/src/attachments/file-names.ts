import path from 'node:path';
import type { AcceptedType } from './file-types.js';

const MAX_NAME_CHARS = 200;
const FALLBACK_NAME = 'tep-dinh-kem';

/** The extension a stored file carries, from its sniffed type; the first one is added when a name has none of them. */
const EXTENSIONS: Record<AcceptedType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

// Control and format characters (bidi overrides and isolates, zero-width marks, BOM), line and
// paragraph separators and lone surrogates: invisible, they let `invoice‮fdp.exe` pass for a PDF.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
// Reserved on Windows, where staff download the files; `"` would also end a Content-Disposition value.
const RESERVED = /[<>:"|?*]/g;
// What counts as an extension to replace: a short run of letters and digits after the last dot.
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * A name safe to show, to store and to put in a Content-Disposition header (no folders, no
 * invisible or reserved characters, NFC so it compares as typed), whose extension says what the
 * bytes are: `a.pdf.exe` sniffed as a PDF is stored as `a.pdf`, `scan` as `scan.pdf`.
 */
export function storedFileName(rawName: string, type: AcceptedType): string {
  const name = withoutWrongExtension(cleanBase(rawName).replace(/^[.\s]+/, ''), type);
  const kept = EXTENSIONS[type].find((e) => name.toLowerCase().endsWith(e));
  const extension = kept ? name.slice(-kept.length) : EXTENSIONS[type][0]!;
  const stem = kept ? name.slice(0, -kept.length) : name;
  return (codePoints(stem.trimEnd(), MAX_NAME_CHARS - extension.length) || FALLBACK_NAME) + extension;
}

/** A name for messages before the type is known: the same cleaning, no extension decided yet. */
export function displayFileName(rawName: string): string {
  return codePoints(cleanBase(rawName), MAX_NAME_CHARS) || FALLBACK_NAME;
}

function cleanBase(rawName: string): string {
  const visible = rawName.normalize('NFC').replace(INVISIBLE, '').replace(RESERVED, '');
  return path.posix.basename(visible.replace(/\\/g, '/')).trim();
}

function withoutWrongExtension(name: string, type: AcceptedType): string {
  const lower = name.toLowerCase();
  if (EXTENSIONS[type].some((e) => lower.endsWith(e))) return name;
  return name.replace(EXTENSION, '').trimEnd();
}

// Cut by code points, so a name never ends in half of a surrogate pair.
function codePoints(text: string, max: number): string {
  return [...text].slice(0, max).join('');
}
