import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { serverKeys } from '../db/schema.js';

// No 0/O, 1/I/L: the secret is read off paper and typed by citizens.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;
const KEY_NAME = 'lookup-secret';

/**
 * The lookup secret of one generation of a dossier: HMAC-SHA-256 under the server's lookup key
 * of the code and the generation, read as 10 letters of a 31-letter alphabet (~49 bits; lookups
 * are rate-limited, so guessing is hopeless). Derived rather than drawn, so that a reprinted
 * receipt shows the secret the first receipt and the notice carried while only its hash is
 * stored; a new secret is the next generation. The 256-bit digest leaves no visible bias.
 */
export function lookupSecretOf(key: Buffer, code: string, generation: number): string {
  const digest = crypto.createHmac('sha256', key).update(`${code}\n${generation}`).digest('hex');
  let n = BigInt(`0x${digest}`);
  const base = BigInt(ALPHABET.length);
  let secret = '';
  for (let i = 0; i < LENGTH; i++) {
    secret += ALPHABET[Number(n % base)];
    n /= base;
  }
  return secret;
}

const keys = new WeakMap<Db, Promise<Buffer>>();

/**
 * The lookup key of this database, made by whichever server process needs it first (the insert
 * that loses the race changes nothing) and kept in memory per database afterwards.
 */
export function lookupKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = readOrMakeKey(db);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** Only this hash is stored; the secret is derived again when a receipt is reprinted. */
export function hashLookupSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');
}

export function lookupSecretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashLookupSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}

async function readOrMakeKey(db: Db): Promise<Buffer> {
  await db
    .insert(serverKeys)
    .values({ name: KEY_NAME, key: crypto.randomBytes(32) })
    .onConflictDoNothing();
  const [row] = await db
    .select({ key: serverKeys.key })
    .from(serverKeys)
    .where(eq(serverKeys.name, KEY_NAME));
  return row!.key;
}

/** The citizen lookup, already filled in: what the notices link to and the receipt's QR code opens. */
export function citizenLookupUrl(publicBase: string, code: string, secret: string): string {
  return `${publicBase.replace(/\/$/, '')}/lookup?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`;
}
