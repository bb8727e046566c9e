import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  catalogueFixtures,
  mutationFixtures,
  reachingTheRules,
  serverSpecFixtures,
  type LintFixture,
} from '../support/lint-fixtures.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

type Problem = { elementId: string | null; message: string };

/** The procedure whose editor the other diagrams are imported into: its form and duration apply. */
const HOST = 'cap-giay-phep-xay-dung';

const lines = (problems: Problem[]) =>
  problems
    .map((p) => `${p.elementId || '-'} ${p.message}`)
    .sort()
    .filter((line, i, all) => all.indexOf(line) === i);

describe('modeler: the check tab lists what deploy refuses', function () {
  this.timeout(300_000);
  let server: TestServer;
  let browser: Browser;
  let designer: Session;
  let api: ApiClient;
  let imports = 0;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    designer = await openSession(browser, server.baseUrl);
    await signIn(designer, 'thietke');
    api = await ApiClient.as(server.baseUrl, 'thietke');
  });

  after(async () => {
    await designer?.close();
    await browser?.close();
    await server?.close();
  });

  async function openEditor(page: Page, code: string): Promise<void> {
    await page.goto(`/modeler/${code}`);
    await page.locator('[data-testid=tab-lint]').click();
    await page.locator('[data-testid=lint-panel][aria-busy=false]').waitFor();
  }

  /** Imports `bpmn` through the toolbar's file input and reads the check list once it is linted. */
  async function importAndRead(page: Page, bpmn: string): Promise<Problem[]> {
    const name = `so-do-${++imports}.bpmn`;
    await page.setInputFiles('[data-testid=import-bpmn]', {
      name,
      mimeType: 'application/xml',
      buffer: Buffer.from(bpmn),
    });
    await page.locator('[data-testid=import-status]', { hasText: name }).waitFor();
    await page.locator('[data-testid=lint-panel][aria-busy=false]').waitFor();
    return page.locator('[data-testid=lint-problems] li').evaluateAll((items) =>
      items.map((li) => ({
        elementId: li.getAttribute('data-element-id') || null,
        message: li.getAttribute('data-message')!,
      })),
    );
  }

  /** What POST deploy answers for the same diagram as a new version of `code`: none for a 201. */
  async function deployAnswer(code: string, bpmn: string): Promise<Problem[]> {
    const res = await api.post(`/api/procedures/${code}/versions`, { bpmn });
    if (res.status === 201) return [];
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.error.code).to.equal('invalid_bpmn');
    return res.body.error.details as Problem[];
  }

  it('should list nothing for each clean catalogue diagram, which deploys', async () => {
    const { page } = designer;
    for (const fixture of catalogueFixtures()) {
      // given the catalogue procedure's editor
      const code = fixture.name.replace('processes/', '');
      await openEditor(page, code);
      // when its own diagram is imported
      const listed = await importAndRead(page, fixture.bpmn);
      // then the list is empty, says so, and deploy accepts it
      expect(listed, fixture.name).to.deep.equal([]);
      expect(await page.locator('[data-testid=lint-summary]').innerText()).to.contain('Không có lỗi');
      expect(await deployAnswer(code, fixture.bpmn), fixture.name).to.deep.equal([]);
    }
  });

  it('should list the same problems as deploy answers for every fixture diagram that has some', async () => {
    // given the host procedure's editor and the diagrams that reach deploy's rules
    const { page } = designer;
    await openEditor(page, HOST);
    const host = catalogueFixtures().find((f) => f.name === `processes/${HOST}`)!;
    const candidates: LintFixture[] = [...serverSpecFixtures(), ...mutationFixtures(30)];
    let compared = 0;
    for (const fixture of candidates) {
      if (!(await reachingTheRules(fixture.bpmn))) continue;
      const deploy = await deployAnswer(HOST, fixture.bpmn);
      if (!deploy.length || deploy.some((p) => p.message.startsWith('A value in the diagram'))) continue;
      // when it is imported into the modeler
      const listed = await importAndRead(page, fixture.bpmn);
      // then the check list names the same elements with the same messages
      expect(lines(listed), `${fixture.name} (form and duration of ${host.name})`).to.deep.equal(
        lines(deploy),
      );
      compared++;
    }
    expect(compared).to.be.greaterThan(5);
  });

  it('should select the element of a problem on click and on Enter, with no serious axe violation', async () => {
    // given a diagram with a disconnected task imported into the editor
    const { page } = designer;
    await openEditor(page, HOST);
    const fixture = serverSpecFixtures().find((f) => f.name.endsWith('three-departments.bpmn'))!;
    const broken = fixture.bpmn.replace(
      /(<bpmn:process\b[^>]*>)/,
      '$1<bpmn:task id="LacLoai" name="Bước lạc loài" />',
    );
    expect(broken).to.not.equal(fixture.bpmn);
    const withShape = broken.replace(
      /(<bpmndi:BPMNPlane\b[^>]*>)/,
      '$1<bpmndi:BPMNShape id="LacLoai_di" bpmnElement="LacLoai"><dc:Bounds x="100" y="500" width="100" height="80" /></bpmndi:BPMNShape>',
    );
    expect(withShape).to.not.equal(broken);
    const listed = await importAndRead(page, withShape);
    expect(listed.map((p) => p.elementId)).to.include('LacLoai');
    // The check tab and the toolbar are this feature's; the page's header belongs to the editor.
    expect(await seriousViolations(page, ['[data-testid=lint-panel]', '[role=toolbar]'])).to.deep.equal([]);
    await screenshot(page, 'modeler-lint');

    // when the designer clicks its problem
    const item = page.locator('[data-testid=lint-problems] li[data-element-id=LacLoai] button', {
      hasText: 'Phần tử không được nối',
    });
    await item.click();
    // then the task is selected on the canvas, its properties shown to fix it
    await page.locator('.djs-element.selected[data-element-id=LacLoai]').waitFor();
    await page.locator('#panel-properties').waitFor();

    // when the designer goes back to the check and chooses another problem by keyboard
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    const other = page
      .locator('[data-testid=lint-problems] li:not([data-element-id=LacLoai]) button')
      .first();
    const otherId = await other.locator('xpath=..').getAttribute('data-element-id');
    await other.focus();
    await page.keyboard.press('Enter');
    // then that element is the one selected
    await page.locator(`.djs-element.selected[data-element-id="${otherId}"]`).waitFor();
    expect(await page.locator('.djs-element.selected[data-element-id=LacLoai]').count()).to.equal(0);
  });
});
