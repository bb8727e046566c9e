import type { Page } from 'playwright-core';
import type { ProcedureDetail } from '../../server/src/procedures/procedures.schema.js';
import { ScriptedClerk, type Effort } from './clerk.js';
import { APPLICANT } from './typed-values.js';
import { fieldIds } from './fields.js';

export interface Intake {
  dossierCode: string;
  effort: Effort;
}

/**
 * A receptionist at /reception takes in one dossier: picks the procedure (the picker then puts
 * the caret in the form's first field), types every field the intake step shows and the
 * applicant, and submits. The clock starts with the picker on screen and stops at the receipt.
 */
export async function scriptedIntake(
  page: Page,
  procedure: ProcedureDetail,
  values: Record<string, unknown>,
): Promise<Intake> {
  await page.goto('/reception');
  const pick = page.locator(`[data-procedure="${procedure.code}"]`);
  await pick.waitFor();
  const clerk = new ScriptedClerk(page);
  await clerk.click(pick);
  await page.locator('[data-testid=reception-form]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id.startsWith('data-'));
  for (const id of await fieldIds(page, '[data-testid=reception-form]', 'data-'))
    await clerk.enter(id, values[id.slice('data-'.length)]);
  for (const [field, value] of Object.entries(APPLICANT)) await clerk.enter(`applicant-${field}`, value);
  await clerk.click(page.locator('[data-testid=reception-form] button[type=submit]'));
  await page
    .locator('[data-testid=received], [data-testid=form-errors], [data-testid=form-failure]')
    .first()
    .waitFor();
  const refused = page.locator('[data-testid=form-errors], [data-testid=form-failure]');
  if (await refused.count())
    throw new Error(`${procedure.code}: the desk refused the intake: ${await refused.first().innerText()}`);
  const effort = clerk.effort();
  return { dossierCode: await page.locator('[data-testid=received-code]').innerText(), effort };
}
