import { addWorkingTime, type WorkingCalendar } from '../../server/src/calendar/working-time.js';
import type { StepSpec } from '../../server/src/engine/bpmn-inspection.js';
import { stepMinutes, type StepMinutes } from '../../server/src/tasks/step-minutes.js';
import { DossierStatus } from '../../server/src/dossiers/statuses.js';
import { PATHS, stampState, type PathName, type PathTemplate } from './engine-templates.js';
import type { Archive, ArchiveProcedure } from './setup.js';
import type { Random } from './random.js';

/** One dossier's life, decided up front: which path, how fast, and where it stands now. */
export interface PlannedStep {
  id: string;
  executionId: string;
  step: StepSpec;
  outcome: string | null;
  assignee: { id: string; fullName: string };
  createdAt: Date;
  claimedAt: Date | null;
  /** Null while the step is still open. */
  completedAt: Date | null;
  /** As the completing command writes them; null while the step is still open. */
  minutes: StepMinutes | null;
  dueAt: Date | null;
}

export interface PlannedDossier {
  id: string;
  procedure: ArchiveProcedure;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  status: number;
  steps: PlannedStep[];
  engineState: string;
}

export interface PlanContext {
  random: Random;
  archive: Archive;
  calendar: WorkingCalendar;
  now: Date;
  templates: Map<number, Record<PathName, PathTemplate>>;
  nextExecution: () => string;
}

// Shares of the legal duration the steps use, matching the budgets in setup.ts's diagrams.
const SHARE: Record<string, number> = { Task_review: 0.5, Task_sign: 0.3, Task_return: 0.2 };

/**
 * Plans a dossier received at `receivedAt`: its path (4% refused, 3% sent back once), a pace
 * (most well inside the deadline, some on the last day, about one in ten late), and steps
 * that end before `now` are done; the first that does not is the open task. A few in a
 * thousand stall at a step and stay open for good, as forgotten dossiers do.
 */
export function planDossier(ctx: PlanContext, procedure: ArchiveProcedure, receivedAt: Date): PlannedDossier {
  const { random, calendar, now } = ctx;
  const r = random.next();
  const path: PathName = r < 0.04 ? 'refused' : r < 0.07 ? 'returned' : 'normal';
  const dueAt = addWorkingTime(receivedAt, procedure.spec.durationDays, 'days', calendar);
  const pace = pickPace(random);
  const stallAt = random.next() < 0.003 ? random.int(PATHS[path].length) : -1;
  const template = ctx.templates.get(procedure.version.id)![path];
  const steps: PlannedStep[] = [];
  let at = receivedAt;
  for (const [i, outcome] of PATHS[path].entries()) {
    const step = procedure.steps.userTasks[template.elementIds[i]!]!;
    const minutes = procedure.spec.durationDays * 480 * SHARE[step.id]! * pace * random.between(0.6, 1.4);
    const end = addWorkingTime(at, Math.max(1, minutes) / 60, 'hours', calendar);
    const open = i === stallAt || end > now;
    steps.push(plannedStep(ctx, procedure, step, at, open ? null : end, outcome));
    if (open) break;
    at = end;
  }
  const last = steps.at(-1)!;
  const finishedAt = last.completedAt && steps.length === PATHS[path].length ? last.completedAt : null;
  const id = random.uuid();
  const done = steps.filter((s) => s.completedAt).length;
  return {
    id,
    procedure,
    receivedAt,
    dueAt,
    finishedAt,
    status: statusOf(path, finishedAt, last, steps.length),
    steps,
    engineState: stampState(
      template,
      done,
      id,
      steps.map((s) => s.executionId),
    ),
  };
}

function plannedStep(
  ctx: PlanContext,
  procedure: ArchiveProcedure,
  step: StepSpec,
  createdAt: Date,
  completedAt: Date | null,
  outcome: string | null,
): PlannedStep {
  const { random, calendar } = ctx;
  const staff = ctx.archive.staff.get(step.departments[0]!)!;
  // Open tasks are claimed about half the time; finished ones always were, minutes after arrival.
  const claimed = completedAt !== null || random.next() < 0.5;
  const claimedAt = claimed ? new Date(createdAt.getTime() + random.int(30 * 60_000)) : null;
  const cappedClaim = claimedAt && completedAt && claimedAt > completedAt ? completedAt : claimedAt;
  return {
    id: ctx.random.uuid(),
    executionId: `${step.id}_${ctx.nextExecution()}`,
    step,
    outcome: completedAt ? outcome : null,
    assignee: random.pick(staff),
    createdAt,
    claimedAt: cappedClaim,
    completedAt,
    minutes: completedAt && stepMinutes({ createdAt, claimedAt: cappedClaim }, completedAt, calendar),
    dueAt: step.budget ? addWorkingTime(createdAt, step.budget.amount, step.budget.unit, calendar) : null,
  };
}

function pickPace(random: Random): number {
  const r = random.next();
  if (r < 0.62) return random.between(0.15, 0.8);
  if (r < 0.9) return random.between(0.8, 1.0);
  return random.between(1.0, 1.8);
}

function statusOf(path: PathName, finishedAt: Date | null, last: PlannedStep, taken: number): number {
  if (finishedAt) return path === 'refused' ? DossierStatus.REFUSED : DossierStatus.RESULT_RETURNED;
  if (last.step.status) return last.step.status;
  return taken === 1 ? DossierStatus.RECEIVED : DossierStatus.PROCESSING;
}
