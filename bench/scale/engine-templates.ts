import { sourceContextFor } from '../../server/src/engine/definitions.js';
import { runEngine } from '../../server/src/engine/runtime.js';
import type { ProcedureVersion } from '../../server/src/db/schema.js';

/** The routes a dossier can take through the review → sign → return diagram, as step outcomes. */
export const PATHS = {
  normal: ['approve', 'sign', null],
  refused: ['refuse'],
  /** The leader sends it back to review once. */
  returned: ['approve', 'return', 'approve', 'sign', null],
} as const;

export type PathName = keyof typeof PATHS;

/** Real engine states along one path: `states[k]` is the state after k completed steps. */
export interface PathTemplate {
  states: string[];
  /** Execution id of the i-th step's task in the template, replaced per dossier. */
  executionIds: string[];
  elementIds: string[];
}

const PLACEHOLDER = '00000000-0000-4000-8000-00000000d05e';

/**
 * Runs the real engine once along every path of a procedure version: the generator stamps
 * these states onto its dossiers, so every stored state is one the server could have written
 * and an open dossier can still be worked to its end.
 */
export async function buildTemplates(version: ProcedureVersion): Promise<Record<PathName, PathTemplate>> {
  const ref = (savedState: unknown) => ({
    id: PLACEHOLDER,
    version: 0,
    checksum: version.checksum,
    sourceContext: sourceContextFor(version),
    savedState,
  });
  const result = {} as Record<PathName, PathTemplate>;
  for (const name of Object.keys(PATHS) as PathName[]) {
    let run = await runEngine(ref(null), { outcome: null }, { kind: 'start' });
    const template: PathTemplate = { states: [JSON.stringify(run.state)], executionIds: [], elementIds: [] };
    for (const outcome of PATHS[name]) {
      const waiting = run.waiting[0]!;
      template.executionIds.push(waiting.executionId);
      template.elementIds.push(waiting.elementId);
      run = await runEngine(ref(run.state), { outcome }, { kind: 'signal', ...waiting });
      template.states.push(JSON.stringify(run.state));
    }
    if (!run.completed) throw new Error(`path ${name} of ${version.procedureCode} does not reach an end`);
    result[name] = template;
  }
  return result;
}

/** The template's state after `done` steps, with this dossier's id and task execution ids. */
export function stampState(
  template: PathTemplate,
  done: number,
  dossierId: string,
  executionIds: string[],
): string {
  let state = template.states[done]!.replaceAll(PLACEHOLDER, dossierId);
  for (let i = 0; i <= Math.min(done, executionIds.length - 1); i++) {
    state = state.replaceAll(template.executionIds[i]!, executionIds[i]!);
  }
  return state;
}
