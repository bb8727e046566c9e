import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import type { SessionUser } from '../core/roles.js';
import { dossierEvents, dossiers } from '../db/schema.js';
import type { ScopedDossier } from '../access/dossier-scope.js';
import type { IdempotencyScope } from '../http/idempotency.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { noLiveUpdates } from '../realtime/live-updates.js';
import { assertActionAllowed } from './dossier-actions.js';
import {
  citizenLookupUrl,
  hashLookupSecret,
  lookupKey,
  lookupSecretMatches,
  lookupSecretOf,
} from './lookup-secret.js';
import { runDossierCommand, type LockedDossier } from './run-dossier-command.js';
import type { ReceiptSecret } from './dossiers.schema.js';

export interface LookupSecretCommand {
  db: Db;
  actor: SessionUser;
  /** The dossier the route named, in the actor's scope. */
  dossier: Pick<ScopedDossier, 'id'>;
  /** The address citizens reach the server at, for the link a new secret is sent with. */
  publicUrl: string;
}

/** What a command keeps (and an idempotency key stores): the generation, never the secret itself. */
interface IssuedGeneration {
  code: string;
  generation: number;
}

/**
 * The secret a reprinted receipt shows: the dossier's current one, derived again, so the first
 * receipt's QR code and the link in the citizen's notice keep working. Read under the dossier's
 * lock, so it is never one that a concurrent reissue has just replaced. A dossier received before
 * secrets were derived has a random secret that nothing can show again: its reprint issues the
 * next one, exactly as a reissue does.
 */
export async function reprintLookupSecret(command: LookupSecretCommand): Promise<ReceiptSecret> {
  const { db, actor, dossier: target, publicUrl } = command;
  const key = await lookupKey(db);
  const { answer } = await runDossierCommand({
    db,
    live: noLiveUpdates,
    actor,
    target,
    apply: async (locked) => {
      const { dossier } = locked;
      assertActionAllowed(dossier, actor, 'reprint_receipt');
      const current = lookupSecretOf(key, dossier.code, dossier.lookupSecretGeneration);
      if (lookupSecretMatches(current, dossier.lookupSecretHash))
        return { code: dossier.code, generation: dossier.lookupSecretGeneration };
      return issueNextSecret(locked, key, publicUrl);
    },
  });
  return secretOf(key, answer);
}

/**
 * "Cấp mã tra cứu mới": the next generation of the secret, as one dossier command (locked,
 * recorded on the control slip, with an Idempotency-Key answered once). The old secret stops
 * opening the lookup, and the citizen is sent the new link on the channels they chose.
 */
export async function reissueLookupSecret(
  command: LookupSecretCommand & { idempotency?: IdempotencyScope },
): Promise<ReceiptSecret> {
  const { db, actor, dossier: target, publicUrl, idempotency } = command;
  const key = await lookupKey(db);
  const { answer } = await runDossierCommand({
    db,
    live: noLiveUpdates,
    actor,
    target,
    idempotency: idempotency && { scope: idempotency, status: 200 },
    apply: async (locked) => {
      assertActionAllowed(locked.dossier, actor, 'reissue_lookup_secret');
      return issueNextSecret(locked, key, publicUrl);
    },
  });
  return secretOf(key, answer);
}

async function issueNextSecret(
  { tx, dossier, actor, now }: LockedDossier,
  key: Buffer,
  publicUrl: string,
): Promise<IssuedGeneration> {
  // (1) the next generation's hash replaces the old one: the old secret no longer matches
  const generation = dossier.lookupSecretGeneration + 1;
  const secret = lookupSecretOf(key, dossier.code, generation);
  await tx
    .update(dossiers)
    .set({ lookupSecretHash: hashLookupSecret(secret), lookupSecretGeneration: generation, updatedAt: now })
    .where(eq(dossiers.id, dossier.id));
  // (2) the control slip says who did it and when
  await tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    type: 'lookup_secret_reissued',
    at: now,
    actorId: actor.id,
    actorName: actor.fullName,
    details: { generation },
  });
  // (3) the citizen learns the new secret, sent if and only if this commits
  await noticeToCitizen(tx, dossier, 'lookup_secret_reissued', {
    lookupUrl: citizenLookupUrl(publicUrl, dossier.code, secret),
  });
  return { code: dossier.code, generation };
}

function secretOf(key: Buffer, { code, generation }: IssuedGeneration): ReceiptSecret {
  return { code, lookupSecret: lookupSecretOf(key, code, generation) };
}
