import type { Effort } from './clerk.js';
import type { RoutedStep } from './routed-step.js';

/** What one procedure cost the scripted clerk: its intake, then each routed step in the order worked. */
export interface ProcedureEffort {
  code: string;
  name: string;
  dossierCode: string;
  intake: Effort;
  steps: RoutedStep[];
}

/** The targets: a routed step in at most 3 clicks from the inbox, an intake in at most 90 s. */
export const TARGETS = { stepClicks: 3, intakeSeconds: 90 } as const;

const mark = (ok: boolean) => (ok ? '✔' : '✘');
const figures = (e: Effort) =>
  `${e.clicks} clicks, ${e.keystrokes} keystrokes, ${e.seconds} s (${e.waitSeconds} s of it waiting for the UI)`;

export function printProcedure(result: ProcedureEffort, log: (line: string) => void): void {
  log(`${result.code} (${result.dossierCode})`);
  const intakeOk = result.intake.seconds <= TARGETS.intakeSeconds;
  log(`  intake at /reception: ${figures(result.intake)}  [≤ ${TARGETS.intakeSeconds} s ${mark(intakeOk)}]`);
  for (const step of result.steps) {
    const ok = step.effort.clicks <= TARGETS.stepClicks;
    const outcome = step.outcome ? ` → ${step.outcome}` : '';
    log(
      `  step ${step.step}${outcome} (${step.username}): ${figures(step.effort)}  [≤ ${TARGETS.stepClicks} clicks ${mark(ok)}]`,
    );
  }
}

/** The figures of every procedure, and how many of them meet their target. */
export function summarise(results: ProcedureEffort[]) {
  const steps = results.flatMap((r) => r.steps);
  return {
    typing: '5 characters/s, charged per keystroke; keys sent at full speed and their time taken out',
    targets: TARGETS,
    intakesWithinTarget: results.filter((r) => r.intake.seconds <= TARGETS.intakeSeconds).length,
    intakes: results.length,
    stepsWithinTarget: steps.filter((s) => s.effort.clicks <= TARGETS.stepClicks).length,
    steps: steps.length,
    perProcedure: results.map((r) => ({
      code: r.code,
      intake: r.intake,
      steps: r.steps.map((s) => ({ step: s.step, outcome: s.outcome, ...s.effort })),
    })),
  };
}
