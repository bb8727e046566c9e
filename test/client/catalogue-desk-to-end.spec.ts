import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ajv } from '../../server/src/http/validation.js';
import type { ProcedureDetail, StepSpec } from '../../server/src/procedures/procedures.schema.js';
import type { OpenTask } from '../../server/src/dossiers/dossiers.schema.js';
import { seriousViolations } from './support/axe.js';
import { validSample, type FlatSchema } from '../server/validators/form-samples.js';
import { outcomeRoutes } from '../support/outcome-routes.js';
import { CATALOGUE, PROCESSES, RETURN_REASON, workToEnd, workerOf } from '../support/catalogue-walk.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

/** Types a value into the generated field `#<prefix>-<name>` as a person would: a choice from a list, or keys. */
async function fillField(page: Page, id: string, value: unknown): Promise<void> {
  const field = page.locator(`#${id}`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(String(value));
  else await field.fill(String(value));
}

/**
 * Every procedure of the catalogue, from the desk to its end, in the browser: the receptionist
 * takes it in through the reception form (only the intake step's fields, nothing more), then
 * each routed step is claimed, filled and decided from the inbox by a user of the department
 * and role its lane names. Each outcome that sends the dossier back is taken once before the
 * way forward, so every loop is walked; messages from other agencies arrive through the API,
 * as they do. At the end the dossier satisfies the whole form.
 */
describe('web client: every procedure from the desk to its end', function () {
  this.timeout(300_000);
  let server: TestServer;
  let browser: Browser;
  const sessions = new Map<string, Session>();
  let api: ApiClient;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    api = await ApiClient.as(server.baseUrl, 'admin');
  });

  after(async () => {
    await Promise.all([...sessions.values()].map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  async function pageOf(username: string): Promise<Page> {
    let session = sessions.get(username);
    if (!session) {
      session = await openSession(browser, server.baseUrl);
      await signIn(session, username);
      sessions.set(username, session);
    }
    return session.page;
  }

  it('should cover every procedure of the catalogue', () => {
    expect(CATALOGUE.length).to.be.greaterThan(4);
  });

  for (const code of CATALOGUE) {
    it(`should take in ${code} at the desk and work it through the inbox to its end, every loop once`, async () => {
      // given the procedure as deployed, and where each outcome of each step leads
      const procedure = (await api.get<ProcedureDetail>(`/api/procedures/${code}`)).body;
      const routes = await outcomeRoutes(fs.readFileSync(path.join(PROCESSES, code, 'process.bpmn'), 'utf8'));
      const sample = validSample(procedure.formSchema as FlatSchema);

      // when the receptionist takes it in through the reception form
      const dossierCode = await receive(procedure, sample);

      // and each open step is worked from the inbox until the dossier ends
      const taken = await workToEnd(api, procedure, routes, dossierCode, sample, (work) =>
        workStep(procedure, work.step, work.task, dossierCode, work.outcome, sample, work.round),
      );

      // then it ended on its way forward, every loop was walked, and the dossier satisfies the whole form
      const detail = (await api.get(`/api/dossiers/${dossierCode}`)).body;
      expect(detail.finishedAt, `${code} finished`).to.be.a('string');
      expect(detail.status, `${code} ended as returned`).to.equal(10);
      expect(detail.resultHandover, `${code} handed over`).to.include({
        method: 'post',
        trackingNumber: 'EA123456789VN',
      });
      for (const route of routes.filter((r) => r.loops))
        expect(taken, `${code}: the loop ${route.step} → ${route.outcome}`).to.include(
          `${route.step}:${route.outcome}`,
        );
      const whole = ajv.compile(procedure.formSchema);
      expect(whole(detail.data), JSON.stringify(whole.errors)).to.equal(true);
    });
  }

  async function receive(procedure: ProcedureDetail, sample: Record<string, unknown>): Promise<string> {
    const page = await pageOf('tiepnhan');
    await page.goto('/reception');
    await page.click(`[data-procedure="${procedure.code}"]`);
    await page.locator('[data-testid=reception-form]').waitFor();
    const intake = procedure.steps.intake!.editableFields!;
    const shown = await page
      .locator('[data-testid=reception-form] [id^="data-"]')
      .evaluateAll((els) => els.map((el) => el.id.slice('data-'.length)));
    expect(
      shown.sort(),
      `${procedure.code}: the reception form shows the intake step's fields`,
    ).to.deep.equal([...intake].sort());
    for (const field of intake) await fillField(page, `data-${field}`, sample[field]);
    await page.fill('#applicant-fullName', 'Nguyễn Thị Thử');
    await page.fill('#applicant-idNumber', '001099012345');
    expect(await seriousViolations(page), `reception form of ${procedure.code}`).to.deep.equal([]);
    await screenshot(page, `catalogue-${procedure.code}-1-reception`);
    await page.click('button[type=submit]');
    await page
      .locator('[data-testid=received], [data-testid=form-errors], [data-testid=form-failure]')
      .first()
      .waitFor();
    expect(await page.locator('[data-testid=form-errors], [data-testid=form-failure]').count()).to.equal(0);
    return page.locator('[data-testid=received-code]').innerText();
  }

  async function workStep(
    procedure: ProcedureDetail,
    step: StepSpec,
    task: OpenTask,
    dossierCode: string,
    outcome: string | undefined,
    sample: Record<string, unknown>,
    round: number,
  ): Promise<void> {
    const page = await pageOf(workerOf(step));
    await page.goto('/inbox');
    const row = page.locator(`tr[data-task="${task.id}"]`);
    if (task.returned) {
      // work sent back waits, claimed already, for whoever did the step, marked with the reason
      await row.locator('[data-testid=returned]').waitFor();
      expect(await row.locator('[data-action=claim]').count()).to.equal(0);
      if (task.returnReason) expect(await row.innerText()).to.contain(task.returnReason);
    } else {
      await row.locator('[data-action=claim]').click();
    }
    await row.locator('[data-action=open]').click();
    await page.locator('[data-testid=task-actions]').waitFor();
    for (const field of step.editableFields ?? []) await fillField(page, `step-${field}`, sample[field]);
    if (outcome && step.reasonOutcomes?.includes(outcome)) await page.fill('#task-reason', RETURN_REASON);
    // the step returning the result records how it was handed over: here, by post
    if (step.status === 9) {
      await page.check('input[name=handover-method][value=post]');
      await page.fill('#handover-tracking', 'EA123456789VN');
    }
    if (round === 0)
      expect(await seriousViolations(page), `task view of ${procedure.code}`).to.deep.equal([]);
    await screenshot(page, `catalogue-${procedure.code}-2-step-${round}-${step.id}`);
    await page.click(`[data-outcome="${outcome ?? ''}"]`);
    await page.locator('[data-testid=completion]').waitFor();
    expect(
      await page.locator('[data-testid=task-actions] .alert.error').count(),
      `${dossierCode} ${step.id}`,
    ).to.equal(0);
  }
});
