import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import { notifications } from '../db/schema.js';
import type { Channel, Notice } from './channels.js';
import { redactSecrets } from './redact.js';

const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;

/** Retry after 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers due notices from the outbox. Each is leased first (in a short transaction, so no
 * lock is held across the network), then sent, then marked sent. A crash after sending and
 * before marking leaves the lease to expire and the notice to be sent again with the same
 * idempotency key: at least once, never twice at a gateway that honours the key.
 */
export async function deliverNotices(db: Db, channels: Record<string, Channel>, batch = 20): Promise<number> {
  const leased = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, clock.now())))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(notifications)
      .set({
        attempts: sql`${notifications.attempts} + 1`,
        nextAttemptAt: new Date(clock.now().getTime() + LEASE_MS),
      })
      .where(
        inArray(
          notifications.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  let sent = 0;
  for (const notice of leased) {
    if (await deliverOne(db, channels, notice)) sent += 1;
  }
  return sent;
}

async function deliverOne(db: Db, channels: Record<string, Channel>, notice: Notice): Promise<boolean> {
  try {
    await (channels[notice.channel] ?? channels.log!).send(notice);
    // Once delivered, the outbox keeps what was said but not the secret (a retry never needs it again).
    await db
      .update(notifications)
      .set({ status: 'sent', sentAt: clock.now(), lastError: null, body: redactSecrets(notice.body) })
      .where(eq(notifications.id, notice.id));
    return true;
  } catch (err) {
    const giveUp = notice.attempts >= MAX_ATTEMPTS;
    await db
      .update(notifications)
      .set({
        status: giveUp ? 'failed' : 'pending',
        lastError: redactSecrets((err as Error).message).slice(0, 500),
        ...(giveUp ? { body: redactSecrets(notice.body) } : {}),
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(notice.attempts)),
      })
      .where(eq(notifications.id, notice.id));
    return false;
  }
}
