import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { edited, readFixture } from '../support/fixtures.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { DEMO_ADMIN_PASSWORD } from '../../server/src/core/config.js';

const CATALOGUE = path.resolve('processes/dang-ky-khai-sinh');
const CODE = 'khai-sinh-phien-ban';
const CAMUNDA = 'trich-luc-camunda';

describe('web client: the designer lists, opens and compares versions', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;
  let designer: Session;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    await deployTwoVersions(api);
    await deployCamundaExport(api);
    browser = await launchBrowser();
    designer = await openSession(browser, server.baseUrl);
    await signIn(designer, 'thietke');
  });

  after(async () => {
    await designer?.close();
    await browser?.close();
    await server?.close();
  });

  it('should list the versions from the home page and open version 1 read-only, with its facts and form', async () => {
    // given the designer's home page
    const { page } = designer;
    await page.goto('/modeler');
    // when they open the procedure's versions
    await page.locator(`tr[data-procedure="${CODE}"]`).getByRole('link', { name: 'Các phiên bản' }).click();
    // then both versions are listed, newest first
    await page.waitForURL(`**/modeler/${CODE}/versions`);
    await page.locator('[data-testid=versions] tbody tr').first().waitFor();
    expect(await versionsShown(page)).to.deep.equal(['2', '1']);
    // and a designer is not shown who deployed them: only the admin's list says
    expect(await page.getByRole('columnheader', { name: 'Người triển khai' }).count()).to.equal(0);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'modeler-versions');
    // when they open version 1
    await page.getByRole('link', { name: 'Xem phiên bản 1' }).click();
    await page.waitForURL(`**/modeler/${CODE}/versions/1`);
    const canvas = page.locator('[data-testid=version-canvas]');
    await canvas.locator('[data-element-id=Task_supplement]').waitFor();
    // then it shows the diagram to read: no palette, no context pad, no label editing, no field
    await canvas.locator('[data-element-id=Task_sign]').dblclick();
    expect(await page.locator('.djs-palette, .djs-context-pad, [contenteditable]').count()).to.equal(0);
    expect(await page.locator('main input, main select, main textarea').count()).to.equal(0);
    // and the version's facts and form
    expect(await page.locator('[data-testid=version-title]').innerText()).to.equal(
      'Đăng ký khai sinh · phiên bản 1',
    );
    expect(await page.locator('[data-testid=version-facts]').innerText()).to.contain('2 giờ làm việc');
    const field = page.locator('[data-testid=version-form] tr[data-field=childFullName]');
    expect(await field.innerText()).to.contain('Có');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'modeler-version-read-only');
    expect(designer.errors).to.deep.equal([]);
  });

  it('should mark what changed from version 1 to 2 on both viewers and name the mc:budget change', async () => {
    // given the versions page
    const { page } = designer;
    await page.goto(`/modeler/${CODE}/versions`);
    await page.locator('[data-testid=versions-compare]').waitFor();
    // when the designer compares version 1 with version 2
    await page.selectOption('#compare-from', '1');
    await page.selectOption('#compare-to', '2');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL(`**/modeler/${CODE}/diff/1/2`);
    const before = page.locator('[data-testid=diff-before]');
    const after = page.locator('[data-testid=diff-after]');
    await page.locator('[data-testid=changes] tbody tr').first().waitFor();
    // then the removed task is marked on version 1, the added one on version 2, the changed ones on both
    await before.locator('[data-element-id=Task_supplement].mc-diff-removed').waitFor();
    await after.locator('[data-element-id=Task_guide].mc-diff-added').waitFor();
    for (const side of [before, after]) {
      for (const id of ['Task_record', 'Task_sign']) {
        expect(await side.locator(`[data-element-id=${id}].mc-diff-changed`).count(), id).to.equal(1);
      }
    }
    // and the table names each change, the step budget in Vietnamese with both values
    const row = (id: string) => page.locator(`[data-testid=changes] tr[data-element=${id}]`);
    expect(await row('Task_supplement').getAttribute('data-kind')).to.equal('removed');
    expect(await row('Task_guide').getAttribute('data-kind')).to.equal('added');
    expect(await row('Task_record').locator('[data-attribute="mc:budget"]').innerText()).to.equal(
      'Thời hạn bước: 1h → 0.75h',
    );
    expect(await row('Task_sign').locator('[data-attribute=name]').innerText()).to.equal(
      'Tên: Ký Giấy khai sinh → Ký và đóng dấu Giấy khai sinh',
    );
    expect(await page.locator('[data-testid=diff-legend]').innerText()).to.contain('Đã xoá');
    // when the designer reaches a row by keyboard and presses Enter
    await row('Task_record').focus();
    await page.keyboard.press('Enter');
    // then the element is selected in both viewers
    for (const side of [before, after]) {
      await side.locator('[data-element-id=Task_record].selected').waitFor();
    }
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'modeler-versions-diff');
    expect(designer.errors).to.deep.equal([]);
  });

  it('should have the other viewer follow when one is zoomed', async () => {
    // given the diff of version 1 and 2
    const { page } = designer;
    await page.goto(`/modeler/${CODE}/diff/1/2`);
    await page.locator('[data-testid=diff-after] [data-element-id=Task_guide].mc-diff-added').waitFor();
    const before = await viewports(page);
    // when the designer zooms the first one in with the mouse wheel
    const box = (await page.locator('[data-testid=diff-before]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    // then the second one takes the same viewport
    await page.waitForFunction(followed(before[0]!));
    expect(designer.errors).to.deep.equal([]);
  });

  it('should show the admin who deployed each version', async () => {
    // given the admin, signed in
    const admin = await openSession(browser, server.baseUrl);
    try {
      await signIn(admin, 'admin', DEMO_ADMIN_PASSWORD);
      // when they open the versions page
      await admin.page.goto(`/modeler/${CODE}/versions`);
      // then each version names the designer who deployed it
      const cell = admin.page.locator('[data-testid=versions] tr[data-version="2"] td').nth(4);
      await cell.waitFor();
      expect(await cell.innerText()).to.equal('Đỗ Đức Anh');
      expect(await seriousViolations(admin.page)).to.deep.equal([]);
      expect(admin.errors).to.deep.equal([]);
    } finally {
      await admin.close();
    }
  });

  it('should open a deployed Camunda Modeler file in the versions viewer', async () => {
    // given the Camunda Modeler export, deployed through the API
    const { page } = designer;
    // when the designer opens its version 1
    await page.goto(`/modeler/${CAMUNDA}/versions/1`);
    // then its tasks are drawn, with no error
    const canvas = page.locator('[data-testid=version-canvas]');
    await canvas.locator('[data-element-id=Activity_0tra_cuu]').waitFor();
    expect(await canvas.locator('[data-element-id=Activity_1ky]').count()).to.equal(1);
    expect(await page.locator('.alert.error').count()).to.equal(0);
    expect(designer.errors).to.deep.equal([]);
  });
});

/**
 * The birth registration from the catalogue as version 1, then version 2 with the signature step
 * renamed, the record step's mc:budget cut, and the supplement step replaced by a new one.
 */
async function deployTwoVersions(api: ApiClient) {
  const bpmn = fs.readFileSync(path.join(CATALOGUE, 'process.bpmn'), 'utf8');
  const formSchema = JSON.parse(fs.readFileSync(path.join(CATALOGUE, 'form.schema.json'), 'utf8'));
  const v1 = await api.post('/api/procedures', {
    code: CODE,
    name: 'Đăng ký khai sinh',
    duration: 2,
    durationUnit: 'hours',
    cutoff: '15:00',
    formSchema,
    bpmn,
  });
  if (v1.status !== 201) throw new Error(`version 1: ${JSON.stringify(v1.body)}`);
  const v2 = await api.post(`/api/procedures/${CODE}/versions`, {
    bpmn: edited(
      bpmn,
      ['name="Ký Giấy khai sinh"', 'name="Ký và đóng dấu Giấy khai sinh"'],
      ['mc:budget="1h"', 'mc:budget="0.75h"'],
      [/Task_supplement/g, 'Task_guide'],
      ['name="Hướng dẫn bổ sung giấy tờ"', 'name="Hướng dẫn công dân bổ sung giấy tờ"'],
    ),
  });
  if (v2.status !== 201) throw new Error(`version 2: ${JSON.stringify(v2.body)}`);
}

async function deployCamundaExport(api: ApiClient) {
  const res = await api.post('/api/procedures', {
    code: CAMUNDA,
    name: 'Cấp bản sao trích lục hộ tịch',
    duration: 4,
    durationUnit: 'hours',
    formSchema: {
      type: 'object',
      properties: { registrationNumber: { type: 'string', title: 'Số đăng ký' } },
    },
    bpmn: readFixture('procedures/camunda-modeler-export.bpmn'),
  });
  if (res.status !== 201) throw new Error(`camunda export: ${JSON.stringify(res.body)}`);
}

const versionsShown = (page: Page) =>
  page
    .locator('[data-testid=versions] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version')));

/** The transform of each diff viewer's viewport (its zoom and scroll), left then right. */
const viewports = (page: Page) =>
  page
    .locator('[data-testid^=diff-] .viewport')
    .evaluateAll((layers) => layers.map((l) => l.getAttribute('transform')));

/**
 * A page expression, true once the left viewport has moved from `start` and the right one has the
 * same numbers: viewports are written "matrix(a,0,0,d,e,f)" or "matrix(a 0 0 d e f)". A string,
 * so that no helper the test's compiler names is missing in the page.
 */
const followed = (start: string) => `(() => {
  const numbers = (t) => (t || '').match(/-?[\\d.]+/g)?.map(Number) ?? [];
  const close = (x, y) => x.length === 6 && x.every((n, k) => Math.abs(n - y[k]) < 0.01);
  const [a, b] = [...document.querySelectorAll('[data-testid^=diff-] .viewport')].map((v) => numbers(v.getAttribute('transform')));
  return !close(a, numbers(${JSON.stringify(start)})) && close(a, b);
})()`;
