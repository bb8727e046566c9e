import type { Applicant } from './people.js';
import type { PlannedDossier } from './dossier-plan.js';
import { CopyBuffer } from './copy-text.js';
import { departmentCode } from './catalogue.js';
import type { Random } from './random.js';

/** COPY buffers for the three big tables, filled with the same columns the server writes. */
export function archiveBuffers() {
  return {
    dossiers: new CopyBuffer('dossiers', [
      'id',
      'code',
      'procedure_version_id',
      'procedure_code',
      'agency_code',
      'receiving_department',
      'applicant',
      'applicant_name',
      'data',
      'status',
      'channel',
      'notify_channels',
      'lookup_secret_hash',
      'received_at',
      'due_at',
      'original_due_at',
      'finished_at',
      'received_by',
      'engine_state',
      'engine_version',
      'current_departments',
      'updated_at',
    ]),
    tasks: new CopyBuffer('tasks', [
      'id',
      'dossier_id',
      'execution_id',
      'element_id',
      'name',
      'department_codes',
      'role',
      'status',
      'assignee_id',
      'outcome',
      'created_at',
      'claimed_at',
      'completed_at',
      'completed_by',
      'waiting_minutes',
      'working_minutes',
      'due_at',
    ]),
    events: new CopyBuffer('dossier_events', [
      'dossier_id',
      'type',
      'at',
      'actor_id',
      'actor_name',
      'step_id',
      'step_name',
      'from_department',
      'to_departments',
      'outcome',
      'details',
    ]),
  };
}

export type ArchiveBuffers = ReturnType<typeof archiveBuffers>;

export interface Reception {
  code: string;
  applicant: Applicant;
  channel: string;
  receptionist: { id: string; fullName: string };
}

/** Adds a planned dossier with its tasks and control-slip events to the buffers. */
export function addDossier(
  buffers: ArchiveBuffers,
  d: PlannedDossier,
  reception: Reception,
  random: Random,
): void {
  const { procedure, steps } = d;
  const open = steps.filter((s) => !s.completedAt);
  const lastChange = d.finishedAt ?? steps.at(-1)!.createdAt;
  buffers.dossiers.add([
    d.id,
    reception.code,
    procedure.version.id,
    procedure.version.procedureCode,
    procedure.agency.code,
    departmentCode(procedure.agency, 'MC'),
    JSON.stringify(reception.applicant),
    reception.applicant.fullName,
    JSON.stringify(formData(reception, random)),
    d.status,
    reception.channel,
    reception.channel === 'online' ? ['sms'] : [],
    randomHex(random, 64),
    d.receivedAt,
    d.dueAt,
    d.dueAt,
    d.finishedAt,
    reception.receptionist.id,
    d.engineState,
    2 + steps.length - open.length,
    [...new Set(open.flatMap((s) => s.step.departments))],
    lastChange,
  ]);
  for (const s of steps) {
    const status = s.completedAt ? 'completed' : s.claimedAt ? 'claimed' : 'open';
    buffers.tasks.add([
      s.id,
      d.id,
      s.executionId,
      s.step.id,
      s.step.name,
      s.step.departments,
      s.step.role,
      status,
      s.claimedAt ? s.assignee.id : null,
      s.outcome,
      s.createdAt,
      s.claimedAt,
      s.completedAt,
      s.completedAt ? s.assignee.id : null,
      s.minutes?.waitingMinutes ?? null,
      s.minutes?.workingMinutes ?? null,
      s.dueAt,
    ]);
  }
  addEvents(buffers, d, reception);
}

function addEvents(buffers: ArchiveBuffers, d: PlannedDossier, reception: Reception): void {
  const { steps } = d;
  const mc = departmentCode(d.procedure.agency, 'MC');
  const first = steps[0]!;
  buffers.events.add([
    d.id,
    'received',
    d.receivedAt,
    reception.receptionist.id,
    reception.receptionist.fullName,
    null,
    null,
    mc,
    first.step.departments,
    null,
    JSON.stringify({ nextSteps: [first.step.name] }),
  ]);
  for (const [i, s] of steps.entries()) {
    if (!s.completedAt) break;
    const next = steps[i + 1];
    buffers.events.add([
      d.id,
      'step_completed',
      s.completedAt,
      s.assignee.id,
      s.assignee.fullName,
      s.step.id,
      s.step.name,
      s.step.departments[0] ?? null,
      next?.step.departments ?? [],
      s.outcome,
      JSON.stringify({ taskId: s.id, nextSteps: next ? [next.step.name] : [] }),
    ]);
  }
  if (d.finishedAt) {
    const last = steps.at(-1)!;
    const endId = last.outcome === 'refuse' ? 'End_refused' : 'End_returned';
    buffers.events.add([
      d.id,
      'finished',
      d.finishedAt,
      last.assignee.id,
      last.assignee.fullName,
      endId,
      null,
      null,
      null,
      null,
      JSON.stringify({ status: d.status, endEventStatus: d.status }),
    ]);
  }
}

function formData(reception: Reception, random: Random) {
  return {
    noiDung: `Đề nghị giải quyết hồ sơ của công dân ${reception.applicant.fullName}`,
    diaChi: reception.applicant.address,
    soBanSao: 1 + random.int(3),
  };
}

function randomHex(random: Random, length: number): string {
  let s = '';
  while (s.length < length)
    s += Math.floor(random.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, length);
}
