import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

const PANEL = '[data-testid=properties-panel]';
const input = (id: string) => `${PANEL} #bio-properties-panel-${id}`;

describe('modeler: the properties panel edits mc: and the procedure, in Vietnamese', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let page: Page;
  let departments: { code: string; name: string }[];
  let procedure: { name: string; metadata: { fees: { name: string }[]; documents: { name: string }[] } };

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    departments = (await api.get('/api/departments')).body as typeof departments;
    procedure = (await api.get('/api/procedures/dang-ky-khai-sinh')).body as typeof procedure;
    session = await openSession(browser, server.baseUrl);
    page = session.page;
    await signIn(session, 'thietke');
    await page.goto('/modeler/dang-ky-khai-sinh');
    await page.locator(`${PANEL} .bio-properties-panel`).waitFor();
    await page.locator(`${PANEL} [role=status]`).waitFor({ state: 'detached' });
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it("should name the palette's tools in Vietnamese", async () => {
    // given the designer's editor, open on a catalogue procedure

    // when the palette's tools are read (diagram-js names them with aria-label)
    const titles = await page
      .locator('.djs-palette .entry')
      .evaluateAll((entries) => entries.map((e) => e.getAttribute('aria-label')).filter(Boolean));

    // then they are bpmn-js's tools with our Vietnamese names
    expect(titles).to.include.members([
      'Tạo sự kiện bắt đầu',
      'Tạo bước xử lý',
      'Tạo cổng rẽ nhánh',
      'Công cụ chọn vùng',
    ]);
    expect(titles.filter((title) => /^(Create|Activate) /.test(title!))).to.deep.equal([]);
  });

  it('should edit a user task through the panel and undo the last change with Ctrl+Z', async () => {
    // given the record step selected, its assignment group open
    await page.click('[data-element-id=Task_record]');
    await openGroup(page, 'motcua-assignment');

    // when a department is picked from the server's list and a budget of 4 hours is set
    const options = await page
      .locator(`${input('motcua-department')} option`)
      .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    expect(options).to.deep.equal(['', ...departments.map((d) => d.code)]);
    const department = departments.at(-1)!.code;
    await page.selectOption(input('motcua-department'), department);
    await page.fill(input('motcua-budget'), '4');
    await page.locator(`${input('motcua-budget-unit')}:enabled`).waitFor();
    await page.selectOption(input('motcua-budget-unit'), 'd');
    await page.selectOption(input('motcua-budget-unit'), 'h');

    // and an outcome is added and named, and an editable field is added and picked
    await openGroup(page, 'motcua-outcomes');
    await addItem(page, 'motcua-outcomes');
    await page.fill(input('motcua-outcome-3-code'), 'forward');
    await openGroup(page, 'motcua-editable-fields');
    await addItem(page, 'motcua-editable-fields');
    const added = await page.inputValue(input('motcua-editable-3-field'));
    expect(added).to.not.equal('birthCertificateNumber');
    await page.selectOption(input('motcua-editable-3-field'), 'birthCertificateNumber');

    // then, read back from the diagram after another element was selected, every change is there
    await reselect(page, 'Task_record');
    expect(await page.inputValue(input('motcua-department'))).to.equal(department);
    expect(await page.inputValue(input('motcua-budget'))).to.equal('4');
    expect(await page.inputValue(input('motcua-budget-unit'))).to.equal('h');
    expect(await page.inputValue(input('motcua-outcome-3-code'))).to.equal('forward');
    expect(await page.inputValue(input('motcua-editable-3-field'))).to.equal('birthCertificateNumber');

    // when Ctrl+Z is pressed in the panel
    await page.focus(input('motcua-department'));
    await page.keyboard.press('Control+z');

    // then only the last change is undone: the field added first is back, the rest stays
    await page.waitForFunction(
      ([selector, value]) => (document.querySelector(selector!) as HTMLSelectElement | null)?.value === value,
      [input('motcua-editable-3-field'), added],
    );
    await reselect(page, 'Task_record');
    expect(await page.inputValue(input('motcua-editable-3-field'))).to.equal(added);
    expect(await page.inputValue(input('motcua-outcome-3-code'))).to.equal('forward');
    expect(await page.inputValue(input('motcua-budget'))).to.equal('4');
    await screenshot(page, '60-modeler-properties-task');
  });

  it("should show the procedure's facts on the diagram's root and refuse a bad cut-off in Vietnamese", async () => {
    // given nothing selected, so the panel shows the diagram's root
    await selectRoot(page);
    await openGroup(page, 'motcua-procedure');

    // then the procedure group shows its name, and its lists the fees and documents
    expect(await page.inputValue(input('motcua-procedure-name'))).to.equal(procedure.name);
    expect(await itemLabels(page, 'motcua-fees')).to.deep.equal(procedure.metadata.fees.map((f) => f.name));
    expect(await itemLabels(page, 'motcua-documents')).to.deep.equal(
      procedure.metadata.documents.map((d) => d.name),
    );

    // when a cut-off that is no time of day is typed
    await page.fill(input('motcua-procedure-cutoff'), '25:00');

    // then the entry says so in Vietnamese
    const entry = page.locator(`${PANEL} [data-entry-id=motcua-procedure-cutoff]`);
    await entry.locator('.bio-properties-panel-error').waitFor();
    expect(await entry.locator('.bio-properties-panel-error').innerText()).to.equal(
      'Giờ chốt phải có dạng HH:MM, ví dụ 15:00',
    );
  });

  it('should pass axe with no serious violation, and log no error', async () => {
    // given the panel with its groups open
    await openGroup(page, 'motcua-fees');
    await page
      .locator(`${PANEL} [data-group-id=group-motcua-fees] .bio-properties-panel-collapsible-entry-header`)
      .first()
      .click();

    // when axe checks the panel
    const violations = await seriousViolations(page, PANEL);

    // then it finds nothing serious, and the browser logged no error
    await screenshot(page, '61-modeler-properties-procedure');
    expect(violations).to.deep.equal([]);
    expect(session.errors).to.deep.equal([]);
  });

  it("should show an end event's status, and a message catch event's status and message name", async () => {
    // given the open procedure's last end event, its result returned
    await page.click('[data-element-id=End_returned]');
    await openGroup(page, 'motcua-event');

    // then its status is the returned result's, and it has no message entry
    expect(await page.inputValue(input('motcua-status'))).to.equal('10');
    expect(await page.locator(input('motcua-message-name')).count()).to.equal(0);

    // when the procedure that waits for the tax office's notice is opened and its catch event selected
    await page.goto('/modeler/cap-gcn-quyen-su-dung-dat-lan-dau');
    await page.locator(`${PANEL} .bio-properties-panel`).waitFor();
    await page.locator(`${PANEL} [role=status]`).waitFor({ state: 'detached' });
    await page.click('[data-element-id=Event_tax_notice]');
    await openGroup(page, 'motcua-event');

    // then the panel shows the financial obligation status and the message's name
    expect(await page.inputValue(input('motcua-status'))).to.equal('6');
    expect(await page.inputValue(input('motcua-message-name'))).to.equal('thong-bao-nghia-vu-tai-chinh');
  });

  it('should speak English in the panel once the designer chooses English', async () => {
    // given the catch event selected, its group open, in Vietnamese
    const title = page.locator(
      `${PANEL} [data-group-id=group-motcua-event] .bio-properties-panel-group-header-title`,
    );
    expect(await title.innerText()).to.equal('Một cửa');

    // when the designer switches the app to English
    await page.click('[data-testid=lang-en]');

    // then our groups and entries and the panel's own are drawn again in English
    await title.filter({ hasText: 'One-stop shop' }).waitFor();
    expect(await page.locator(`${PANEL} [data-entry-id=motcua-status] label`).innerText()).to.equal(
      'Dossier status',
    );
    expect(
      await page
        .locator(`${PANEL} [data-group-id=group-general] .bio-properties-panel-group-header-title`)
        .innerText(),
    ).to.equal('General');
  });
});

/** Opens a group of the panel unless it is open already (the panel remembers). */
async function openGroup(page: Page, id: string): Promise<void> {
  const header = page.locator(`${PANEL} [data-group-id=group-${id}] > .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))!.split(' ').includes('open')) {
    await header.locator('.bio-properties-panel-group-header-title').click();
  }
  await page
    .locator(`${PANEL} [data-group-id=group-${id}] > .bio-properties-panel-group-header.open`)
    .waitFor();
}

async function addItem(page: Page, group: string): Promise<void> {
  const items = page.locator(`${PANEL} [data-group-id=group-${group}] .bio-properties-panel-list-item`);
  const before = await items.count();
  await page.click(`${PANEL} [data-group-id=group-${group}] .bio-properties-panel-add-entry`);
  await items.nth(before).waitFor();
}

async function itemLabels(page: Page, group: string): Promise<string[]> {
  const titles = page.locator(
    `${PANEL} [data-group-id=group-${group}] .bio-properties-panel-collapsible-entry-header-title`,
  );
  return titles.allInnerTexts();
}

/** Selects another element, then `id` again: the panel reads the element afresh from the diagram. */
async function reselect(page: Page, id: string): Promise<void> {
  await page.click('[data-element-id=Gateway_record]');
  await page
    .locator(`${PANEL} .bio-properties-panel-header`)
    .filter({ hasText: 'Giấy tờ hợp lệ?' })
    .waitFor();
  await page.click(`[data-element-id=${id}]`);
  await page.locator(`${PANEL} [data-entry-id=motcua-department]`).waitFor();
}

/** Clicks the canvas beside the drawing, where no element is: the selection empties. */
async function selectRoot(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=modeler-canvas]')!.getBoundingClientRect();
    const shapes = [...document.querySelectorAll('.djs-shape')].map((s) => s.getBoundingClientRect());
    const right = Math.max(...shapes.map((s) => s.right));
    const bottom = Math.max(...shapes.map((s) => s.bottom));
    if (canvas.bottom - bottom > 30)
      return { x: canvas.left + canvas.width / 2, y: (bottom + canvas.bottom) / 2 };
    return { x: (right + canvas.right) / 2, y: canvas.top + canvas.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await page.locator(`${PANEL} [data-group-id=group-motcua-procedure]`).waitFor();
}
