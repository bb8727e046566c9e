import crypto from 'node:crypto';
import argon2 from 'argon2';
import { errors } from '../core/errors.js';

/**
 * argon2 runs on libuv's thread pool (4 threads), the same pool that reads the static files
 * and does DNS and zlib. A burst of sign-ins must not take all of it: at most RUNNING hashes run
 * at once, at most WAITING wait, and anyone beyond is told to come back (503 sign_in_busy)
 * instead of queueing for seconds.
 */
const RUNNING = 2;
const WAITING = 32;

let running = 0;
const waiting: (() => void)[] = [];
/** What the bound has seen, for tests and for a look from a debugger. */
export const argonStats = { peak: 0, verified: 0 };

async function bounded<T>(work: () => Promise<T>, before?: () => Promise<void>): Promise<T> {
  if (running >= RUNNING) {
    if (waiting.length >= WAITING) throw errors.signInBusy(1);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  argonStats.peak = Math.max(argonStats.peak, running);
  try {
    await before?.();
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `running` counts it without a gap.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return bounded(() => argon2.hash(password, { type: argon2.argon2id }));
}

/**
 * `before` runs once the verification has its turn, just before it; when it throws, nothing is
 * verified. The sign-in throttle checks there, so attempts queued behind each other are
 * counted as they come to be checked, not all at once when they arrived.
 */
export async function verifyPassword(
  hash: string,
  password: string,
  before?: () => Promise<void>,
): Promise<boolean> {
  return bounded(() => {
    argonStats.verified += 1;
    return argon2.verify(hash, password).catch(() => false);
  }, before);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, made once per process with the same parameters as real ones.
 * Verifying against it when the username is unknown (or inactive) costs what a real check
 * costs, so the time of an answer does not tell which usernames exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(18).toString('base64url'));
  return dummy;
}

/** Checks `password` against `hash`, or against the dummy hash (always false) when there is none. */
export async function verifyOrWaste(
  hash: string | null,
  password: string,
  before?: () => Promise<void>,
): Promise<boolean> {
  if (hash === null) {
    await verifyPassword(await dummyHash(), password, before);
    return false;
  }
  return verifyPassword(hash, password, before);
}

/** How many hashes run and wait now. */
export function argonLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
