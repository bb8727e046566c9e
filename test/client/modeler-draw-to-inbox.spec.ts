import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import type { ProcedureDetail } from '../../server/src/procedures/procedures.schema.js';
import type { OpenTask } from '../../server/src/dossiers/dossiers.schema.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import {
  PANEL,
  addItem,
  appendTask,
  input,
  move,
  openGroup,
  openTab,
  pad,
  problems,
  select,
  selectRoot,
  shapeNamed,
  shapes,
} from './support/modeler-canvas.js';

const CODE = 'cap-phep-thu-nghiem';
const NAME = 'Cấp phép thử nghiệm ba bước';
const IMPORTED = 'thu-tuc-tu-camunda';
const CAMUNDA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../server/procedures/camunda-modeler-export.bpmn',
);
/** The three steps the designer draws: who works each, and its budget in hours. */
const STEPS = [
  { name: 'Thẩm định hồ sơ', department: 'TCKH', role: '', budget: '4', status: '', worker: 'chuyenvien' },
  { name: 'Phê duyệt kết quả', department: 'LD', role: 'leader', budget: '2', status: '', worker: 'lanhdao' },
  {
    name: 'Trả kết quả',
    department: 'MC',
    role: 'receptionist',
    budget: '1',
    status: '9',
    worker: 'tiepnhan',
  },
];

const PROCESS = `Process_${CODE.replace(/-/g, '_')}`;
/** What deploy needs of the procedure besides its diagram and form. */
const FACTS = {
  field: 'Thử nghiệm',
  agencyLevel: 'Cấp huyện',
  implementingAgency: 'UBND quận Thử nghiệm',
  duration: '3',
  resultType: 'Giấy phép thử nghiệm',
  source: 'Quyết định thử nghiệm',
};

/** Sets a step's department, role and budget (hours) in the panel. */
async function assign(page: Page, id: string, step: (typeof STEPS)[number]): Promise<void> {
  await select(page, id);
  await openGroup(page, 'motcua-assignment');
  await page.selectOption(input('motcua-department'), step.department);
  await page.selectOption(input('motcua-role'), step.role);
  await page.fill(input('motcua-budget'), step.budget);
  await page.locator(`${input('motcua-budget-unit')}:enabled`).waitFor();
  await page.selectOption(input('motcua-budget-unit'), 'h');
  if (step.status) await page.selectOption(input('motcua-status'), step.status);
}

describe('web client: a procedure drawn in the modeler, deployed, received and worked to its end', function () {
  this.timeout(300_000);
  let server: TestServer;
  let browser: Browser;
  const sessions = new Map<string, Session>();
  /** The three user tasks as drawn, in order: their ids are bpmn-js's. */
  const ids: string[] = [];

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
  });

  after(async () => {
    await Promise.all([...sessions.values()].map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      for (const [name, s] of sessions) await screenshot(s.page, `draw-failed-${name}`);
  });

  async function pageOf(username: string): Promise<Page> {
    let session = sessions.get(username);
    if (!session) {
      session = await openSession(browser, server.baseUrl, { viewport: { width: 1366, height: 900 } });
      await signIn(session, username);
      sessions.set(username, session);
    }
    return session.page;
  }

  it('should create a new procedure from the start page and show its empty diagram', async () => {
    // given the designer on the modeler's start page, creating a new procedure
    const page = await pageOf('thietke');
    await page.goto('/modeler');
    await page.fill('#new-code', CODE);
    await page.fill('#new-name', NAME);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.click('[data-testid=modeler-create] button[type=submit]');

    // then the editor shows the empty diagram: its start event alone
    await page.locator('[data-testid=editor-title]', { hasText: NAME }).waitFor();
    await shapes(page).first().waitFor();
    expect(await shapes(page).count()).to.equal(1);
    await screenshot(page, 'draw-1-empty');
  });

  it('should draw a pool, two lanes and three user tasks with the palette, the context pad and the keyboard', async () => {
    const page = await pageOf('thietke');
    // when a pool is dropped from the palette around it and divided into two lanes from its context pad
    await page.click('.djs-palette .entry[data-action="create.participant-expanded"]');
    const start = (await shapes(page).first().boundingBox())!;
    await page.mouse.click(start.x + 300, start.y + 20);
    await page.locator('g.djs-shape[data-element-id^=Participant_]').waitFor();
    await page.locator('.djs-direct-editing-parent').waitFor();
    await page.keyboard.type(NAME);
    await page.keyboard.press('Enter');
    await pad(page, 'lane-divide-two');
    await page.locator('g.djs-shape[data-element-id^=Lane_]').nth(1).waitFor();

    // and the start event is dragged into the upper lane
    await move(page, 'StartEvent_1', 0, -60);

    // and the three steps are appended from the start event's context pad, named by keyboard, made user tasks with "r"
    let previous = 'StartEvent_1';
    for (const step of STEPS) {
      ids.push(await appendTask(page, previous, step.name));
      previous = ids.at(-1)!;
    }
    // and the approval is dragged down into the lower lane
    await move(page, ids[1]!, 0, 125);
    await screenshot(page, 'draw-2-tasks');
  });

  it('should list the missing end and departments in "Kiểm tra", and clear them once set in "Thuộc tính"', async () => {
    const page = await pageOf('thietke');
    // then the check tab says there is no end event and no department for any step
    await openTab(page, 'lint');
    expect(await seriousViolations(page)).to.deep.equal([]);
    const missing = await problems(page);
    expect(missing).to.include(`${PROCESS} Process is missing end event (bpmnlint end-event-required)`);
    for (const id of ids)
      expect(
        missing.filter((p) => p.startsWith(`${id} User task has no candidate department`)),
      ).to.have.length(1);
    await screenshot(page, 'draw-3-lint-problems');

    // when each step gets its department, role and budget in "Thuộc tính"
    await openTab(page, 'properties');
    for (const [i, step] of STEPS.entries()) await assign(page, ids[i]!, step);
    expect(await seriousViolations(page, PANEL)).to.deep.equal([]);
    await screenshot(page, 'draw-4-properties');

    // then only the missing end is left to fix
    await openTab(page, 'lint');
    expect((await problems(page)).filter((p) => p.includes('candidate department'))).to.deep.equal([]);
    expect(await problems(page)).to.include(
      `${PROCESS} Process is missing end event (bpmnlint end-event-required)`,
    );

    // when the end event is appended after the last step and given the status "returned" (10)
    await openTab(page, 'properties');
    await select(page, ids[2]!);
    await pad(page, 'append.end-event');
    await page.locator('.djs-direct-editing-parent').waitFor();
    await page.keyboard.type('Đã trả kết quả');
    await page.keyboard.press('Enter');
    await openGroup(page, 'motcua-event');
    await page.selectOption(input('motcua-status'), '10');

    // then the check tab has nothing left to say
    await openTab(page, 'lint');
    await page.locator('[data-testid=lint-problems] li').first().waitFor({ state: 'detached' });
    expect(await problems(page)).to.deep.equal([]);
    await screenshot(page, 'draw-5-lint-clean');
  });

  it('should add a required field in "Biểu mẫu", edited at intake, and deploy version 1 with the facts', async () => {
    const page = await pageOf('thietke');
    // when a required text field is added in "Biểu mẫu", and the start event made to edit it
    await openTab(page, 'form');
    await page.fill('#fe--new-name', 'licenseSubject');
    await page.fill('#fe--new-title', 'Nội dung đề nghị cấp phép');
    await page.check('#fe--new-required');
    await page.click('[data-testid=add-field] button[type=submit]');
    await page.locator('[data-field-row=licenseSubject]').waitFor();
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'draw-6-form');
    await openTab(page, 'properties');
    await select(page, 'StartEvent_1');
    await addItem(page, 'motcua-editable-fields');
    expect(await page.inputValue(input('motcua-editable-0-field'))).to.equal('licenseSubject');
    await addItem(page, 'motcua-required-fields');
    expect(await page.inputValue(input('motcua-required-0-field'))).to.equal('licenseSubject');

    // and the procedure's facts are filled on the diagram's root
    await selectRoot(page);
    await openGroup(page, 'motcua-procedure');
    for (const [key, value] of Object.entries(FACTS))
      await page.fill(input(`motcua-procedure-${key}`), value);
    await page.selectOption(input('motcua-procedure-duration-unit'), 'days');
    expect(await seriousViolations(page, PANEL)).to.deep.equal([]);
    await screenshot(page, 'draw-7-facts');

    // and "Triển khai" is pressed once the draft is saved
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    await page.locator('[data-testid=deploy]:enabled').click();

    // then version 1 is deployed
    await page.locator('[data-testid=deployed]').waitFor();
    expect(await page.innerText('[data-testid=deployed]')).to.contain('1');
    await screenshot(page, 'draw-8-deployed');
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    const procedure = (await api.get(`/api/procedures/${CODE}`)).body as ProcedureDetail;
    expect(procedure.currentVersion).to.equal(1);
    expect(procedure.steps.intake!.editableFields).to.deep.equal(['licenseSubject']);
  });

  it('should take a dossier of it in at the desk and work it from the inbox to its end', async () => {
    // when the receptionist finds it at the desk, fills its one field and receives the dossier
    const dossierCode = await receive();

    // and each step is claimed and done from the inbox by a user of its department
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    for (const [i, step] of STEPS.entries()) {
      const open = (await admin.get(`/api/dossiers/${dossierCode}`)).body.openTasks as OpenTask[];
      expect(open.map((t) => t.elementId)).to.deep.equal([ids[i]]);
      await workStep(step, dossierCode, open[0]!.id, i);
    }

    // then the dossier has ended as returned, and its control slip shows the three steps done in order
    const detail = (await admin.get(`/api/dossiers/${dossierCode}`)).body;
    expect(detail.status).to.equal(10);
    expect(detail.finishedAt).to.be.a('string');
    const desk = await pageOf('tiepnhan');
    await desk.goto(`/dossiers/${dossierCode}`);
    const rows = desk.locator('[data-testid=control-slip] tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-step')))).to.deep.equal(ids);
    for (const [i, step] of STEPS.entries()) {
      expect(await rows.nth(i).locator('td').first().innerText()).to.contain(step.name);
      expect(await rows.nth(i).locator('td').nth(2).innerText()).to.contain('→');
    }
    // the dossier done days before its three days, and each step within its hours of budget: early
    // or on time by the clock of the run (a step received at night is due the next morning, one
    // received in working hours the same day)
    const [dossierResult, ...stepResults] = await desk
      .locator('[data-testid=slip-card] [data-result]')
      .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-result')));
    expect(dossierResult).to.equal('early');
    expect(stepResults).to.have.length(STEPS.length);
    for (const result of stepResults) expect(result).to.be.oneOf(['early', 'on_time']);
    expect(await seriousViolations(desk)).to.deep.equal([]);
    await screenshot(desk, 'draw-11-dossier');
    for (const [name, s] of sessions) expect(s.errors, name).to.deep.equal([]);
  });

  it('should import a Camunda Modeler file into a new procedure and rename a step in the panel', async () => {
    // given a new procedure's empty editor
    const page = await pageOf('thietke');
    await page.goto('/modeler');
    await page.fill('#new-code', IMPORTED);
    await page.fill('#new-name', 'Cấp bản sao trích lục hộ tịch');
    await page.click('[data-testid=modeler-create] button[type=submit]');
    await page.locator('[data-testid=editor-title]', { hasText: 'Cấp bản sao trích lục' }).waitFor();

    // when the Camunda Modeler export is chosen in "Nhập tệp .bpmn"
    await page.getByLabel('Nhập tệp .bpmn').setInputFiles({
      name: 'trich-luc.bpmn',
      mimeType: 'application/xml',
      buffer: fs.readFileSync(CAMUNDA_FILE),
    });
    await page.locator('[data-testid=import-status]', { hasText: 'trich-luc.bpmn' }).waitFor();
    await page.locator('g.djs-shape[data-element-id=Activity_0tra_cuu]').waitFor();

    // and the search step is renamed in the panel's general group
    await openTab(page, 'properties');
    await select(page, 'Activity_0tra_cuu');
    await openGroup(page, 'general');
    await page.fill(input('name'), 'Tra cứu Sổ đăng ký hộ tịch');
    await shapeNamed(page, 'Tra cứu Sổ đăng ký hộ tịch').waitFor();
    expect(await seriousViolations(page, PANEL)).to.deep.equal([]);
    await screenshot(page, 'camunda-1-renamed');
  });

  it('should deploy the imported diagram once its form has a field, keeping every camunda: attribute', async () => {
    const page = await pageOf('thietke');
    // given the form gets the field the search needs
    await openTab(page, 'form');
    await page.fill('#fe--new-name', 'registrationNumber');
    await page.fill('#fe--new-title', 'Số đăng ký hộ tịch');
    await page.click('[data-testid=add-field] button[type=submit]');
    await page.locator('[data-field-row=registrationNumber]').waitFor();

    // and the facts deploy needs are filled, and the check tab has nothing to say
    await openTab(page, 'properties');
    await selectRoot(page);
    await openGroup(page, 'motcua-procedure');
    for (const [key, value] of Object.entries(FACTS))
      await page.fill(input(`motcua-procedure-${key}`), value);
    await openTab(page, 'lint');
    expect(await problems(page)).to.deep.equal([]);
    expect(await seriousViolations(page)).to.deep.equal([]);

    // and it is deployed
    await page.locator('[data-testid=save-status][data-status=saved]').waitFor();
    await page.locator('[data-testid=deploy]:enabled').click();
    await page.locator('[data-testid=deployed]').waitFor();
    await screenshot(page, 'camunda-2-deployed');

    // then version 1's BPMN has the new name and still every camunda: attribute of the file
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    const xml = (await api.get<string>(`/api/procedures/${IMPORTED}/versions/1/bpmn`)).body;
    expect(xml).to.contain('name="Tra cứu Sổ đăng ký hộ tịch"');
    expect(xml).to.not.contain('name="Tra cứu Sổ hộ tịch"');
    for (const attribute of [
      'camunda:historyTimeToLive="180"',
      'camunda:formKey="trich-luc"',
      'camunda:candidateGroups="PGV-TP"',
      'camunda:dueDate="PT2H"',
      'camunda:candidateGroups="PGV-LD"',
      '<camunda:inputParameter name="loai">khai sinh</camunda:inputParameter>',
    ])
      expect(xml).to.contain(attribute);
    expect(sessions.get('thietke')!.errors).to.deep.equal([]);
  });

  async function receive(): Promise<string> {
    const page = await pageOf('tiepnhan');
    await page.goto('/reception');
    await page.click(`[data-procedure="${CODE}"]`);
    await page.locator('[data-testid=reception-form]').waitFor();
    const shown = await page
      .locator('[data-testid=reception-form] [id^="data-"]')
      .evaluateAll((els) => els.map((el) => el.id));
    expect(shown).to.deep.equal(['data-licenseSubject']);
    await page.fill('#data-licenseSubject', 'Cấp phép tổ chức sự kiện thử nghiệm');
    await page.fill('#applicant-fullName', 'Nguyễn Thị Thử');
    await page.fill('#applicant-idNumber', '001099012345');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'draw-9-reception');
    await page.click('button[type=submit]');
    await page
      .locator('[data-testid=received], [data-testid=form-errors], [data-testid=form-failure]')
      .first()
      .waitFor();
    expect(await page.locator('[data-testid=form-errors], [data-testid=form-failure]').count()).to.equal(0);
    return page.locator('[data-testid=received-code]').innerText();
  }

  async function workStep(step: (typeof STEPS)[number], dossierCode: string, taskId: string, i: number) {
    const page = await pageOf(step.worker);
    await page.goto('/inbox');
    const row = page.locator(`tr[data-task="${taskId}"]`);
    expect(await row.innerText()).to.contain(dossierCode);
    await row.locator('[data-action=claim]').click();
    await row.locator('[data-action=open]').click();
    await page.locator('[data-testid=task-actions]').waitFor();
    // the step returning the result records how it was handed over: here, by post
    if (step.status === '9') {
      await page.check('input[name=handover-method][value=post]');
      await page.fill('#handover-tracking', 'EA123456789VN');
    }
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, `draw-10-step-${i + 1}`);
    await page.click('[data-outcome=""]');
    await page.locator('[data-testid=completion]').waitFor();
    expect(await page.locator('[data-testid=task-actions] .alert.error').count()).to.equal(0);
  }
});
