import type { WorkingUnit } from '../../../calendar/working-time.js';
import { budgetProblems } from '../../step-budgets.js';
import { definitionsRule, processesOf, stepsOf } from './diagram.js';

export interface StepBudgetsConfig {
  /** The procedure's legal duration, which the step budgets must fit. */
  legal: { amount: number; unit: WorkingUnit };
}

/** Step budgets fit the legal duration, alone and along the longest path (step-budgets.ts). */
export default function stepBudgets({ legal }: StepBudgetsConfig) {
  return definitionsRule((definitions) => {
    const steps = stepsOf(definitions);
    return processesOf(definitions).flatMap((process) => budgetProblems(process, steps, legal));
  });
}
