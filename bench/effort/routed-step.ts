import type { Page } from 'playwright-core';
import { RETURN_REASON, type StepToWork } from '../../test/support/catalogue-walk.js';
import { ScriptedClerk, type Effort } from './clerk.js';
import { fieldIds } from './fields.js';

export interface RoutedStep {
  step: string;
  name: string;
  username: string;
  outcome: string | null;
  effort: Effort;
}

/**
 * An officer or leader works one step from /inbox: opens its row, claims it where the UI still
 * asks for that, types every field the step edits, takes the outcome. The clock starts with the
 * row on screen and stops when the page says where the dossier went.
 */
export async function scriptedStep(
  page: Page,
  username: string,
  work: StepToWork,
  values: Record<string, unknown>,
): Promise<RoutedStep> {
  await page.goto('/inbox');
  const row = page.locator(`tr[data-task="${work.taskId}"]`);
  await row.waitFor();
  const clerk = new ScriptedClerk(page);
  await clerk.click(row.locator('[data-action=open]'));
  const actions = page.locator('[data-testid=task-actions]');
  await actions.waitFor();
  const claim = actions.locator('[data-action=claim]');
  if (await claim.count()) {
    await clerk.click(claim);
    await actions.locator('[data-action=unclaim]').waitFor();
  }
  for (const id of await fieldIds(page, '[data-testid=task-actions]', 'step-'))
    await clerk.enter(id, values[id.slice('step-'.length)]);
  if (work.needsReason) await clerk.enter('task-reason', RETURN_REASON);
  await clerk.click(actions.locator(`[data-outcome="${work.outcome ?? ''}"]`));
  await page.locator('[data-testid=completion], [data-testid=task-actions] .alert.error').first().waitFor();
  const failure = actions.locator('.alert.error');
  if (await failure.count())
    throw new Error(`${work.step.id}: the step was refused: ${await failure.first().innerText()}`);
  return {
    step: work.step.id,
    name: work.step.name,
    username,
    outcome: work.outcome ?? null,
    effort: clerk.effort(),
  };
}
