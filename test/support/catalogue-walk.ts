import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from './api-client.js';
import type { OutcomeRoute } from './outcome-routes.js';
import { DEMO_USERS } from '../../server/src/seed/demo.js';
import type { ProcedureDetail, StepSpec } from '../../server/src/procedures/procedures.schema.js';
import type { OpenTask } from '../../server/src/dossiers/dossiers.schema.js';

/** The catalogue folder, and its procedures as the server deploys them: every folder but `_schema`. */
export const PROCESSES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../processes');
export const CATALOGUE = fs.readdirSync(PROCESSES).filter((name) => !name.startsWith('_'));

/** The demo user who works a step: one of its departments, with its role if it names one. */
export function workerOf(step: Pick<StepSpec, 'departments' | 'role'>): string {
  const user = DEMO_USERS.find(
    (u) =>
      u.departments.some((d) => step.departments.includes(d)) && (!step.role || u.roles.includes(step.role)),
  );
  if (!user)
    throw new Error(`no demo user works in ${step.departments.join(', ')} as ${step.role ?? 'any role'}`);
  return user.username;
}

/** What a walk writes as the reason of a decision that sends work back. */
export const RETURN_REASON = 'Cần bổ sung, sửa lại theo ý kiến';

/** One open step of the dossier, to be worked with the chosen outcome; `round` counts from 0. */
export interface StepToWork {
  step: StepSpec;
  taskId: string;
  task: OpenTask;
  /** The outcome needs a reason (RETURN_REASON is the one to give). */
  needsReason: boolean;
  outcome: string | undefined;
  round: number;
}

/**
 * Works the dossier's open steps (through `workStep`, a browser or any other way) until it
 * ends; a wait for another agency is answered through the API, as that agency's system does.
 * Answers "step:outcome" for each decision taken.
 */
export async function workToEnd(
  api: ApiClient,
  procedure: ProcedureDetail,
  routes: OutcomeRoute[],
  dossierCode: string,
  sample: Record<string, unknown>,
  workStep: (work: StepToWork) => Promise<void>,
): Promise<string[]> {
  const taken: string[] = [];
  for (let round = 0; round < 40; round++) {
    const detail = (await api.get(`/api/dossiers/${dossierCode}`)).body;
    if (detail.finishedAt) return taken;
    const task = detail.openTasks[0];
    if (!task) {
      await deliverAwaitedMessage(api.baseUrl, procedure, dossierCode, sample);
      continue;
    }
    const step = procedure.steps.userTasks[task.elementId]!;
    const outcome = chooseOutcome(step, routes, taken);
    // A step done before comes back as returned (claimed for whoever did it): nothing else is.
    if (task.returned !== taken.some((t) => t.startsWith(`${step.id}:`)))
      throw new Error(
        `${dossierCode}: ${step.id} opened with returned = ${task.returned} after ${taken.join(' ')}`,
      );
    const needsReason = !!outcome && !!step.reasonOutcomes?.includes(outcome);
    await workStep({ step, taskId: task.id, task, needsReason, outcome, round });
    taken.push(`${step.id}:${outcome ?? ''}`);
  }
  throw new Error(`${procedure.code}: ${dossierCode} did not end within 40 steps (${taken.join(' ')})`);
}

/** A step's outcome: each one that loops back, once, then the first outcome that goes forward. */
export function chooseOutcome(step: StepSpec, routes: OutcomeRoute[], taken: string[]): string | undefined {
  if (!step.outcomes.length) return undefined;
  const own = routes.filter((r) => r.step === step.id);
  const loop = own.find((r) => r.loops && !taken.includes(`${step.id}:${r.outcome}`));
  if (loop) return loop.outcome;
  return own.find((r) => !r.ends && !r.loops)?.outcome ?? step.outcomes[0];
}

/** The dossier waits for another agency: its notice arrives as that agency's system sends it. */
export async function deliverAwaitedMessage(
  baseUrl: string,
  procedure: ProcedureDetail,
  dossierCode: string,
  sample: Record<string, unknown>,
): Promise<void> {
  const waits = Object.values(procedure.steps.messageEvents ?? {});
  if (!waits.length) throw new Error(`${dossierCode} waits, but for no message`);
  for (const wait of waits) {
    const sender = await ApiClient.as(baseUrl, workerOf({ departments: wait.departments, role: null }));
    const data = Object.fromEntries((wait.editableFields ?? []).map((f) => [f, sample[f]]));
    const res = await sender.post(`/api/dossiers/${dossierCode}/messages`, { name: wait.message, data });
    if (res.status === 200) return;
  }
  throw new Error(`${dossierCode}: no awaited message could be delivered`);
}
