import type { Static } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import type { Dossier } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import type { MessageWait } from '../engine/bpmn-inspection.js';
import type { ScopedDossier } from '../access/dossier-scope.js';
import { checkEditableFields, validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { runDossierCommand, type LockedDossier } from './run-dossier-command.js';
import { nextTasksOf } from './dossier-commands.js';
import type { DeliverMessageBody } from './dossiers.schema.js';

export interface MessageDelivery {
  db: Db;
  live: LiveUpdates;
  user: SessionUser;
  /** Found in the user's scope (the route's `dossier`). */
  dossier: ScopedDossier;
  body: Static<typeof DeliverMessageBody>;
}

/**
 * Delivers a message from another agency (e.g. the tax notice) to the catch event a dossier
 * waits at, in one command: (1) find the catch events of this message and check the sender may
 * deliver it, (2) merge the message's data into the dossier's and check it against the form,
 * (3) signal the engine, which runs to the next wait and writes state, tasks and the
 * control-slip event. 409 when the dossier waits for no such message.
 */
export async function deliverMessage({ db, live, user, dossier, body }: MessageDelivery) {
  const { answer } = await runDossierCommand({
    db,
    live,
    actor: user,
    target: dossier,
    apply: (locked) => deliverLocked(locked, user, body),
  });
  return answer;
}

async function deliverLocked(
  { dossier, version, runEngine }: LockedDossier,
  user: SessionUser,
  body: Static<typeof DeliverMessageBody>,
) {
  if (dossier.finishedAt) throw notWaiting(dossier, body.name);
  // (1)
  const events = Object.values(version.steps.messageEvents ?? {}).filter((e) => e.message === body.name);
  if (!events.length) throw notWaiting(dossier, body.name);
  assertMayDeliver(user, events);
  // (2)
  // A message many catch events wait for is checked against the whole form, as before events declared fields.
  const owner = events.length === 1 && events[0]!.editableFields ? events[0]! : null;
  if (owner) checkEditableFields(owner, body.data ?? {});
  const data = { ...dossier.data, ...(body.data ?? {}) };
  // (3) the engine command writes the merged data with the new state; the data is checked
  // after it, so a notice the dossier does not wait for is told so (409) whatever it carries,
  // and a refusal of its data rolls the whole command back
  const changes = await runEngine({
    command: { kind: 'message', elementIds: events.map((e) => e.id) },
    cause: { kind: 'message', message: body.name },
    data,
  });
  validateFormData(version, data, owner && { id: owner.id, fields: owner, outcome: null });
  return {
    code: dossier.code,
    message: body.name,
    dossierStatus: changes.status,
    nextTasks: nextTasksOf(changes),
  };
}

/** The agency a catch event's lane names delivers its messages; an admin may stand in for any. */
function assertMayDeliver(user: SessionUser, events: MessageWait[]): void {
  if (user.roles.includes('admin')) return;
  const departments = events.flatMap((e) => e.departments);
  if (departments.length && !user.departments.some((d) => departments.includes(d.code))) {
    throw errors.notInDepartment(`This message comes from department ${departments.join(', ')}, not yours`);
  }
}

function notWaiting(dossier: Dossier, name: string) {
  return errors.noWaitingMessage(`Dossier ${dossier.code} is not waiting for the message "${name}"`, {
    status: dossier.status,
  });
}
