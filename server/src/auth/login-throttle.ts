import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { loginFailures } from '../db/schema.js';
import { errors } from '../core/errors.js';

/** Failed sign-ins allowed per window: few per account (guessing one password), more per address (an office behind one NAT). */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export interface LoginKeys {
  account: string;
  address: string;
}

export function loginKeys(username: string, address: string): LoginKeys {
  return { account: `user:${username}`, address: `addr:${address}` };
}

/**
 * Throws 429 too_many_attempts, with the seconds until the oldest counted failure leaves the
 * window, when the account or the address has used up its failures. Refused attempts are not
 * counted, so a lock-out ends when the window says however long the guessing goes on. Wall-clock
 * time, not the business clock: tests that move deadlines must not sign everyone out.
 *
 * Called just before a password is verified, inside the verification's turn (passwords.ts), so
 * the failures a burst can add beyond the limit are at most the verifications running at once
 * (2 per server process), not every request that arrived together.
 */
export async function requireAttemptsLeft(db: Db, keys: LoginKeys): Promise<void> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
  const wait = Math.max(
    await secondsUntilFree(db, keys.account, LOGIN_LIMITS.perAccount, since),
    await secondsUntilFree(db, keys.address, LOGIN_LIMITS.perAddress, since),
  );
  if (wait > 0) throw errors.tooManyAttempts(wait);
}

/** A wrong password (or unknown user): counted for both keys; failures past every window go. */
export async function recordLoginFailure(db: Db, keys: LoginKeys): Promise<void> {
  const now = new Date();
  await db.insert(loginFailures).values([
    { key: keys.account, at: now },
    { key: keys.address, at: now },
  ]);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - LOGIN_LIMITS.windowMs)));
}

/** The password was right: the account starts afresh (the address keeps its count). */
export async function recordLoginSuccess(db: Db, keys: LoginKeys): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, keys.account));
}

async function secondsUntilFree(db: Db, key: string, limit: number, since: Date): Promise<number> {
  const recent = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .limit(limit);
  if (recent.length < limit) return 0;
  // Below the limit again once the limit-th most recent failure is older than the window.
  return (recent[limit - 1]!.at.getTime() - since.getTime()) / 1000;
}
