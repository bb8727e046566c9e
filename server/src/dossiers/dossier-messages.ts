import type { Static } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import { dossiers, type Dossier } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../auth/roles.js';
import type { MessageWait, ProcedureSteps } from '../engine/bpmn-inspection.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import { validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { applyEngineCommand } from './dossier-commands.js';
import type { DeliverMessageBody } from './dossiers.schema.js';

/**
 * Delivers a message from another agency (e.g. the tax notice) to the catch event a dossier
 * waits at, in one transaction: (1) lock the dossier, (2) find the catch events of this message
 * and check the sender may deliver it, (3) merge the message's data into the dossier's and check
 * it against the form, (4) signal the engine, which runs to the next wait and writes state,
 * tasks and the control-slip event. 409 when the dossier waits for no such message.
 */
export async function deliverMessage(
  db: Db,
  live: LiveUpdates,
  user: SessionUser,
  code: string,
  body: Static<typeof DeliverMessageBody>,
) {
  const now = clock.now();
  const changes = await db.transaction(async (tx) => {
    // (1)
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.code, code)).for('update');
    if (!dossier) throw errors.dossierNotFound(code);
    if (dossier.finishedAt) throw notWaiting(dossier, body.name);
    // (2)
    const version = (await findVersionById(db, dossier.procedureVersionId))!;
    const events = Object.values((version.steps as ProcedureSteps).messageEvents ?? {}).filter(
      (e) => e.message === body.name,
    );
    if (!events.length) throw notWaiting(dossier, body.name);
    assertMayDeliver(user, events);
    // (3)
    const data = { ...(dossier.data as object), ...(body.data ?? {}) };
    validateFormData(version, data);
    // (4) the engine command writes the merged data with the new state
    return applyEngineCommand(
      { tx, dossier: { ...dossier, data }, version, actor: user, now },
      { kind: 'message', elementIds: events.map((e) => e.id) },
      { kind: 'message', message: body.name },
    );
  });
  changes.afterCommit();
  live.tasksChanged(changes);
  return {
    code,
    message: body.name,
    dossierStatus: changes.status,
    nextTasks: changes.created.map((t) => ({ id: t.id, name: t.name, departmentCodes: t.departmentCodes })),
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
