import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { users } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { loginKeys, recordLoginFailure, recordLoginSuccess, requireAttemptsLeft } from './login-throttle.js';
import { brokenPasswordRule } from '../core/password-policy.js';
import { hashPassword, verifyOrWaste } from './passwords.js';
import { revokeUserSessions } from './sessions.repository.js';

/**
 * Checks a username and password the same way whether or not the account exists or is active
 * (one throttle check, one argon2 verification), so neither the answer nor its time tells.
 * Answers the user's id, or throws invalid_credentials / too_many_attempts / sign_in_busy.
 */
export async function authenticate(
  db: Db,
  username: string,
  password: string,
  address: string,
): Promise<string> {
  const keys = loginKeys(username, address);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.username, username));
  const ok = await verifyOrWaste(user?.active ? user.passwordHash : null, password, () =>
    requireAttemptsLeft(db, keys),
  );
  if (!ok || !user) {
    await recordLoginFailure(db, keys);
    throw errors.invalidCredentials();
  }
  await recordLoginSuccess(db, keys);
  return user.id;
}

/** Refuses a password the policy does not allow, naming the field it came in. */
export function requireStrongPassword(password: string, username: string, field: string): void {
  const broken = brokenPasswordRule(password, username);
  if (broken) throw errors.weakPassword(field, broken);
}

/** Sets a user's password and ends every session they have: whoever knew the old one is out. */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await revokeUserSessions(db, userId);
}

/**
 * The signed-in user changes their own password. The current one is checked through the same
 * throttle as a sign-in, so a borrowed session cannot be used to guess it.
 */
export async function changeOwnPassword(
  db: Db,
  user: { id: string; username: string },
  input: { currentPassword: string; newPassword: string },
  address: string,
): Promise<void> {
  requireStrongPassword(input.newPassword, user.username, '/newPassword');
  try {
    await authenticate(db, user.username, input.currentPassword, address);
  } catch (err) {
    if ((err as { code?: string }).code === 'invalid_credentials') throw errors.wrongCurrentPassword();
    throw err;
  }
  await setPassword(db, user.id, input.newPassword);
}

/** Deactivates an account: it cannot sign in, and its sessions end now. */
export async function deactivateUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ active: false })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) return false;
  await revokeUserSessions(db, userId);
  return true;
}
