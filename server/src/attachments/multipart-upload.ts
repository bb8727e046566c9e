import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'koa';
import busboy, { type Busboy } from 'busboy';
import { AppError, errors } from '../core/errors.js';
import { SNIFF_BYTES, sniffType, type AcceptedType } from './file-types.js';
import { displayFileName, storedFileName } from './file-names.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 20;
// A `documentName` field per file, and a few more for what a client may add.
const MAX_FIELDS = MAX_FILES + 10;
const MAX_FIELD_BYTES = 2000;
const MAX_PARTS = MAX_FILES + MAX_FIELDS;

export interface StoredFile {
  fileName: string;
  contentType: AcceptedType;
  size: number;
  sha256: string;
  /** Relative to the files folder. */
  storagePath: string;
}

/** The files of an upload, and the `documentName` fields sent with them: the i-th names the i-th file's paper. */
export interface ReceivedUpload {
  files: StoredFile[];
  documentNames: string[];
}

/**
 * Streams the `file` parts of a multipart request to disk under `filesDir`, hashing and sizing
 * them on the way and refusing anything that is not a PDF or image or is over the size limit.
 * The first failure (a refused file, a body that ends early or is garbled, a client that goes
 * away) stops the whole upload and removes the files written so far, so nothing is left
 * without a row; a malformed body answers 400 `invalid_multipart`.
 */
export async function receiveFiles(ctx: Context, filesDir: string): Promise<ReceivedUpload> {
  if (!ctx.is('multipart/form-data'))
    throw errors.unsupportedMediaType('multipart/form-data with the files in a field named "file"');
  const folder = monthFolder(new Date());
  // Created before parsing, so a file part is piped to disk in the tick it arrives: a part
  // left without an 'error' listener while awaiting a mkdir crashed the process when the
  // body ended early.
  await fs.promises.mkdir(path.join(filesDir, folder), { recursive: true });
  const stored: StoredFile[] = [];
  const writes: Promise<void>[] = [];
  const documentNames: string[] = [];
  try {
    await parseParts(ctx.req, newParser(ctx), documentNames, (stream, rawName) => {
      const slot = writes.length; // kept in the order the parts came, whichever finishes first
      const write = storeOne(stream, rawName, filesDir, folder).then((file) => void (stored[slot] = file));
      writes.push(write);
      return write;
    });
    await Promise.all(writes);
  } catch (err) {
    await Promise.allSettled(writes);
    await Promise.all(
      stored.filter(Boolean).map((f) => fs.promises.rm(path.join(filesDir, f.storagePath), { force: true })),
    );
    throw err;
  }
  if (!stored.length) throw errors.noFile();
  return { files: stored, documentNames };
}

function newParser(ctx: Context): Busboy {
  try {
    return busboy({
      headers: ctx.req.headers,
      defParamCharset: 'utf8',
      limits: {
        fileSize: MAX_FILE_BYTES,
        files: MAX_FILES,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: MAX_PARTS,
      },
    });
  } catch (err) {
    throw errors.invalidMultipart((err as Error).message); // no or a malformed boundary
  }
}

/**
 * Pipes the request into busboy and hands each `file` part to `onFile`, settling once: with
 * the parser's close, or with the first error of the request, the parser or a file. On error
 * the parser is destroyed (ending the part being written) and the rest of the body is left to
 * Node, which discards it, so the socket stays open for the 4xx answer.
 */
function parseParts(
  req: IncomingMessage,
  parser: Busboy,
  documentNames: string[],
  onFile: (stream: Readable & { truncated?: boolean }, rawName: string) => Promise<void>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.destroy();
      reject(
        err instanceof AppError ? err : errors.invalidMultipart((err as Error)?.message ?? 'unreadable body'),
      );
    };
    parser.on('file', (field, stream, info) => {
      // Busboy destroys a part with its own error when the body breaks off; that error also
      // reaches the parser's listener below, so a part's own listener only keeps it handled.
      stream.on('error', () => undefined);
      if (field !== 'file' || settled) {
        stream.resume();
        return;
      }
      onFile(stream, info.filename ?? '').catch(fail);
    });
    parser.on('field', (field, value, info) => {
      if (field !== 'documentName') return;
      if (info.valueTruncated) fail(errors.invalidMultipart(`a documentName over ${MAX_FIELD_BYTES} bytes`));
      documentNames.push(value.trim());
    });
    parser.on('filesLimit', () => fail(errors.tooManyFiles(MAX_FILES)));
    parser.on('fieldsLimit', () => fail(errors.invalidMultipart(`more than ${MAX_FIELDS} fields`)));
    parser.on('partsLimit', () => fail(errors.invalidMultipart(`more than ${MAX_PARTS} parts`)));
    parser.on('error', fail);
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    req.on('error', fail);
    req.on('aborted', () => fail(errors.invalidMultipart('the upload was interrupted')));
    req.pipe(parser);
  });
}

async function storeOne(
  stream: Readable & { truncated?: boolean },
  rawName: string,
  filesDir: string,
  folder: string,
): Promise<StoredFile> {
  const shownName = displayFileName(rawName);
  const relative = path.join(folder, crypto.randomUUID());
  const target = path.join(filesDir, relative);
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
          if (!type) return done(errors.unsupportedFile(shownName));
        }
      }
      done(null, chunk);
    },
  });
  const out = fs.createWriteStream(target, { flags: 'wx' });
  try {
    await pipeline(stream, inspect, out);
    if (stream.truncated) throw errors.fileTooLarge(shownName, MAX_FILE_BYTES);
    type ??= sniffType(head);
    if (!type) throw errors.unsupportedFile(shownName);
  } catch (err) {
    // A body that fails at once fails the pipeline while the file is still being opened: it is
    // created after that, so it is removed once the stream has closed, or it would stay behind.
    if (!out.closed) await new Promise((resolve) => out.once('close', resolve));
    await fs.promises.rm(target, { force: true });
    throw err;
  }
  return {
    fileName: storedFileName(rawName, type),
    contentType: type,
    size,
    sha256: hash.digest('hex'),
    storagePath: relative,
  };
}

function monthFolder(now: Date): string {
  return path.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'));
}
