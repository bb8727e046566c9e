import crypto from 'node:crypto';

// No 0/O, 1/I/L: the secret is read off paper and typed by citizens.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

/** A random lookup secret (~49 bits); lookups are rate-limited, so guessing is hopeless. */
export function newLookupSecret(): string {
  const bytes = crypto.randomBytes(LENGTH);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Only this hash is stored; the secret itself is shown once, on the receipt. */
export function hashLookupSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');
}

export function lookupSecretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashLookupSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
