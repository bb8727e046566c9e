import type { Context } from 'koa';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { idempotencyKeys } from '../db/schema.js';
import { errors } from './errors.js';

/** An `Idempotency-Key` sent by a user for one route. */
export interface IdempotencyScope {
  userId: string;
  key: string;
  route: string;
}

export interface StoredAnswer {
  status: number;
  response: unknown;
}

/** Reads the header; absent → the request is not idempotent. */
export function idempotencyScope(ctx: Context, userId: string, route: string): IdempotencyScope | undefined {
  const key = ctx.get('Idempotency-Key');
  if (!key) return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw errors.badRequest('Idempotency-Key must be 1–200 visible ASCII characters');
  }
  return { userId, key, route };
}

/**
 * Claims the key inside the command's transaction. Returns the stored answer when the key was
 * used before (a concurrent twin waits on the row until the first commits, then sees it).
 */
export async function claimIdempotencyKey(tx: Tx, scope: IdempotencyScope): Promise<StoredAnswer | null> {
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({ userId: scope.userId, key: scope.key, route: scope.route })
    .onConflictDoNothing()
    .returning();
  if (claimed) return null;
  const [previous] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
  if (previous!.route !== scope.route) {
    throw errors.conflict('idempotency_key_reused', 'This Idempotency-Key was used for another request');
  }
  return { status: previous!.status!, response: previous!.response };
}

/** Stores the answer with the claimed key, in the same transaction. */
export async function storeIdempotentAnswer(tx: Tx, scope: IdempotencyScope, answer: StoredAnswer): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: answer.status, response: answer.response })
    .where(and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
}
