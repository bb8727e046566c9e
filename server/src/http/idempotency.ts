import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { idempotencyKeys } from '../db/schema.js';
import { errors } from '../core/errors.js';

/** An `Idempotency-Key` sent by a user for one request: its route and its body. */
export interface IdempotencyScope {
  userId: string;
  key: string;
  route: string;
  /** sha256 of the route and the canonical body: a key answers again only the request it was made for. */
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  response: unknown;
}

/** Reads the header; absent → the request is not idempotent. `body` is the validated request body. */
export function idempotencyScope(
  ctx: Context,
  userId: string,
  route: string,
  body: unknown,
): IdempotencyScope | undefined {
  const key = ctx.get('Idempotency-Key');
  if (!key) return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw errors.invalidIdempotencyKey();
  }
  return { userId, key, route, requestHash: requestHash(route, body) };
}

/** The same request hashes the same whatever the order of its JSON members. */
export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(canonicalJson(body)).digest('hex');
}

/**
 * Claims the key inside the command's transaction. Returns the stored answer when the key was
 * used before (a concurrent twin waits on the row until the first commits, then sees it).
 */
export async function claimIdempotencyKey(tx: Tx, scope: IdempotencyScope): Promise<StoredAnswer | null> {
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({ userId: scope.userId, key: scope.key, route: scope.route, requestHash: scope.requestHash })
    .onConflictDoNothing()
    .returning();
  if (claimed) return null;
  const [previous] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
  // Another body or route under the same key is another request: answering it with the first
  // one's result would hand back (and, for an intake, re-issue the lookup secret of) a dossier
  // the retry did not ask for. Keys claimed before hashes were kept have '' and never match.
  if (previous!.route !== scope.route || previous!.requestHash !== scope.requestHash) {
    throw errors.idempotencyKeyReused();
  }
  return { status: previous!.status!, response: previous!.response };
}

/** Stores the answer with the claimed key, in the same transaction. */
export async function storeIdempotentAnswer(
  tx: Tx,
  scope: IdempotencyScope,
  answer: StoredAnswer,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: answer.status, response: answer.response })
    .where(and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, scope.key)));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
