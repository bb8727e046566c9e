import type { Db, Tx } from '../core/db.js';
import { clock } from '../core/clock.js';
import type { Dossier, ProcedureVersion } from '../db/schema.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { claimIdempotencyKey, storeIdempotentAnswer, type IdempotencyScope } from '../http/idempotency.js';
import type { ScopedDossier } from '../access/dossier-scope.js';
import { applyEngineCommand, type Actor, type CommandResult, type EngineStep } from './dossier-commands.js';
import { lockDossier } from './dossiers.repository.js';
import { findVersionById } from '../procedures/procedures.repository.js';

/**
 * Which dossier a command acts on. `id`: one the caller found in the actor's access scope
 * (`findDossierInScope`, the route's `dossier`). `take`: the dossier of a row the command takes
 * first in its own transaction (a due timer); null when there is nothing to do. `create`: a
 * dossier the command inserts (intake), of a version the caller has read.
 */
export type CommandTarget =
  | Pick<ScopedDossier, 'id'>
  | { take(tx: Tx): Promise<string | null> }
  | { create(tx: Tx): Promise<Dossier>; version: ProcedureVersion };

/** The locked dossier, handed to the part of a command that differs by cause. */
export interface LockedDossier {
  tx: Tx;
  dossier: Dossier;
  version: ProcedureVersion;
  actor: Actor;
  now: Date;
  /** Runs the engine and writes what follows (state, tasks, status, events); published after commit. */
  runEngine(step: EngineStep): Promise<CommandResult>;
}

export interface DossierCommand<A> {
  db: Db;
  live: LiveUpdates;
  actor: Actor;
  target: CommandTarget;
  /** With the key a user sent: a retry of a command that committed gets its answer again. */
  idempotency?: { scope: IdempotencyScope; status: number };
  /** The command's time (events, due dates); the clock's once the lock is held when absent. */
  now?: Date;
  /** Checks under the lock, then the writes of this cause; answers what the caller returns. */
  apply(locked: LockedDossier): Promise<A>;
}

export interface CommandAnswer<A> {
  answer: A;
  /** The answer is the one stored with the idempotency key: nothing ran this time. */
  replayed: boolean;
}

/**
 * The one path of every command on a dossier, in one transaction: (1) claim the idempotency
 * key, (2) lock the dossier row (or insert it), (3) read its procedure version through the same
 * transaction, (4) the cause's checks and writes, engine included, (5) store the answer with the
 * key, commit; then (6) keep the engine hot and publish the task changes. Nothing is published
 * for a command that rolled back.
 */
export async function runDossierCommand<A>(
  command: DossierCommand<A> & { target: { take(tx: Tx): Promise<string | null> } },
): Promise<CommandAnswer<A> | null>;
export async function runDossierCommand<A>(command: DossierCommand<A>): Promise<CommandAnswer<A>>;
export async function runDossierCommand<A>(command: DossierCommand<A>): Promise<CommandAnswer<A> | null> {
  const { db, live, actor, target, idempotency } = command;
  const runs: CommandResult[] = [];
  const answer = await db.transaction(async (tx) => {
    // (1)
    const replay = idempotency && (await claimIdempotencyKey(tx, idempotency.scope));
    if (replay) return { answer: replay.response as A, replayed: true };
    // (2) and (3)
    const found = await lockTarget(db, tx, target);
    if (!found) return null;
    const { dossier, version } = found;
    // Read under the lock: a timer taken as due is due at this instant too.
    const now = command.now ?? clock.now();
    // (4)
    const runEngine = async (step: EngineStep) => {
      const result = await applyEngineCommand({ tx, dossier, version, actor, now }, step);
      runs.push(result);
      return result;
    };
    const answer = await command.apply({ tx, dossier, version, actor, now, runEngine });
    // (5)
    if (idempotency) {
      await storeIdempotentAnswer(tx, idempotency.scope, { status: idempotency.status, response: answer });
    }
    return { answer, replayed: false };
  });
  // (6)
  for (const result of runs) {
    result.afterCommit();
    live.tasksChanged(result);
  }
  return answer;
}

async function lockTarget(
  db: Db,
  tx: Tx,
  target: CommandTarget,
): Promise<{ dossier: Dossier; version: ProcedureVersion } | null> {
  // A row this transaction inserted is its own until commit: no lock to take.
  if ('create' in target) return { dossier: await target.create(tx), version: target.version };
  const id = 'take' in target ? await target.take(tx) : target.id;
  if (!id) return null;
  const dossier = await lockDossier(tx, id);
  const version = await findVersionById(db, dossier.procedureVersionId, tx);
  return { dossier, version: version! };
}
