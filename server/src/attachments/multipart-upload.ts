import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Context } from 'koa';
import busboy from 'busboy';
import { errors } from '../http/errors.js';
import { SNIFF_BYTES, sniffType, type AcceptedType } from './file-types.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 20;

export interface StoredFile {
  fileName: string;
  contentType: AcceptedType;
  size: number;
  sha256: string;
  /** Relative to the files folder. */
  storagePath: string;
}

/**
 * Streams the `file` parts of a multipart request to disk under `filesDir`, hashing and sizing
 * them on the way and refusing anything that is not a PDF or image or is over the size limit.
 * On any failure the files written so far are removed, so nothing is left without a row.
 */
export async function receiveFiles(ctx: Context, filesDir: string): Promise<StoredFile[]> {
  if (!ctx.is('multipart/form-data')) throw errors.badRequest('Send the files as multipart/form-data in a field named "file"');
  const stored: StoredFile[] = [];
  const writes: Promise<void>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({
        headers: ctx.req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 10 },
      });
      parser.on('file', (field, stream, info) => {
        if (field !== 'file') {
          stream.resume();
          return;
        }
        // Kept in the order the parts came, whichever finishes writing first.
        const slot = writes.length;
        const write = storeOne(stream, info.filename ?? '', filesDir).then((file) => void (stored[slot] = file));
        write.catch(() => stream.resume());
        writes.push(write);
      });
      parser.on('filesLimit', () => reject(errors.badRequest(`At most ${MAX_FILES} files at a time`)));
      parser.on('error', reject);
      parser.on('close', resolve);
      ctx.req.pipe(parser);
    });
    await Promise.all(writes);
  } catch (err) {
    await Promise.allSettled(writes);
    await Promise.all(stored.filter(Boolean).map((f) => fs.promises.rm(path.join(filesDir, f.storagePath), { force: true })));
    throw err;
  }
  if (!stored.length) throw errors.badRequest('No file in the field "file"');
  return stored;
}

async function storeOne(stream: NodeJS.ReadableStream & { truncated?: boolean }, rawName: string, filesDir: string): Promise<StoredFile> {
  const fileName = cleanFileName(rawName);
  const now = new Date();
  const relative = path.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), crypto.randomUUID());
  const target = path.join(filesDir, relative);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let type: AcceptedType | null = null;
  const inspect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      if (head.length < SNIFF_BYTES) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          type = sniffType(head);
          if (!type) return done(errors.unsupportedFile(fileName));
        }
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, inspect, fs.createWriteStream(target, { flags: 'wx' }));
    if (stream.truncated) throw errors.fileTooLarge(fileName, MAX_FILE_BYTES);
    type ??= sniffType(head);
    if (!type) throw errors.unsupportedFile(fileName);
  } catch (err) {
    await fs.promises.rm(target, { force: true });
    throw err;
  }
  return { fileName, contentType: type, size, sha256: hash.digest('hex'), storagePath: relative };
}

/** A name safe to show and to put in a Content-Disposition header: no folders, no control characters. */
function cleanFileName(name: string): string {
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '"').join('');
  const base = path.basename(printable.replace(/\\/g, '/')).trim();
  return (base || 'tep-dinh-kem').slice(0, 200);
}
