import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { fieldOrder } from '../../client/src/composables/procedure-metadata.js';
import type { ProcedureDetail } from '../../server/src/procedures/procedures.schema.js';

const FORM_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../processes/dang-ky-khai-sinh/form.schema.json',
);
const fileForm = JSON.parse(fs.readFileSync(FORM_FILE, 'utf8')) as {
  properties: Record<string, { title: string }>;
};

const rowNames = (page: Page) =>
  page
    .locator('[data-testid=field-list] > [data-field-row]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field-row')));
const previewNames = (page: Page) =>
  page
    .locator('[data-testid=form-preview] [data-field]')
    .evaluateAll((fields) => fields.map((f) => f.getAttribute('data-field')));
const row = (page: Page, name: string) => page.locator(`[data-field-row="${name}"]`);

describe('modeler: the form editor', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let designer: Session;
  let page: Page;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    designer = await openSession(browser, server.baseUrl, { viewport: { width: 1366, height: 900 } });
    page = designer.page;
    await signIn(designer, 'thietke');
    await page.goto('/modeler/dang-ky-khai-sinh');
    await page.locator('[data-testid=modeler-canvas] .djs-element').first().waitFor();
    await page.click('[data-testid=tab-form]');
  });

  after(async () => {
    await designer?.close();
    await browser?.close();
    await server?.close();
  });

  it("should list the form's fields in the desk's order, with their Vietnamese titles", async () => {
    // given the deployed birth registration form, as the desk orders it
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    const procedure = (await api.get('/api/procedures/dang-ky-khai-sinh')).body as ProcedureDetail;
    const expected = fieldOrder(procedure.formSchema);

    // when the designer looks at the "Biểu mẫu" tab
    const names = await rowNames(page);
    const titles = await page.locator('[data-field-row] [data-testid=field-title]').allInnerTexts();

    // then every field of the file is there, in that order, titled as the file titles it
    expect(names).to.have.members(Object.keys(fileForm.properties));
    expect(names).to.deep.equal(expected);
    expect(titles).to.deep.equal(expected.map((name) => fileForm.properties[name]!.title));
    expect(await page.getAttribute('[data-testid=tab-form]', 'aria-selected')).to.equal('true');
    expect(await page.innerText('[data-testid=tab-form]')).to.equal('Biểu mẫu');
  });

  it('should add a required text field and show it in the preview with the required mark', async () => {
    // when the designer adds "Số điện thoại liên hệ" as a required text field
    await page.fill('#fe--new-name', 'contactPhone');
    await page.fill('#fe--new-title', 'Số điện thoại liên hệ');
    await page.check('#fe--new-required');
    await page.click('[data-testid=add-field] button[type=submit]');

    // then it is the last field, marked required, and the preview shows it as the desk would
    expect((await rowNames(page)).at(-1)).to.equal('contactPhone');
    expect(await row(page, 'contactPhone').locator('.req').count()).to.equal(1);
    const label = page.locator('[data-testid=form-preview] label[for=preview-contactPhone]');
    expect(await label.innerText()).to.match(/^Số điện thoại liên hệ \*$/);
    expect(await page.locator('#preview-contactPhone').getAttribute('type')).to.equal('text');
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('fe-contactPhone-title');
  });

  it('should add a choice field whose options the preview offers, and say while it has none', async () => {
    // given a new choice field, with no option yet
    await page.fill('#fe--new-name', 'resultDelivery');
    await page.fill('#fe--new-title', 'Hình thức nhận kết quả');
    await page.selectOption('#fe--new-kind', 'choice');
    await page.click('[data-testid=add-field] button[type=submit]');
    const problems = row(page, 'resultDelivery').locator('[data-testid=field-problems]');
    expect(await problems.innerText()).to.contain('Cần ít nhất một lựa chọn');

    // when the designer gives it two options
    await page.click('#fe-resultDelivery-options-add-option');
    await page.keyboard.type('Trực tiếp');
    await page.click('#fe-resultDelivery-options-add-option');
    await page.keyboard.type('Qua bưu điện');

    // then the problem is gone and the desk's select offers them
    expect(await problems.count()).to.equal(0);
    const options = await page.locator('#preview-resultDelivery option').allInnerTexts();
    expect(options).to.deep.equal(['', 'Trực tiếp', 'Qua bưu điện']);
    expect(await page.locator('label[for=preview-resultDelivery] .req').count()).to.equal(0);
  });

  it('should move a field with the keyboard, keeping focus on the button, in list and preview', async () => {
    // given the choice field last, after the phone field
    const before = await rowNames(page);
    expect(before.slice(-2)).to.deep.equal(['contactPhone', 'resultDelivery']);

    // when the designer presses its "up" button twice from the keyboard
    await page.focus('#fe-resultDelivery-up');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');

    // then it moved two places up, in the list and in the preview
    const after = await rowNames(page);
    expect(after.slice(-3)).to.deep.equal(['resultDelivery', before.at(-3), 'contactPhone']);
    expect(await previewNames(page)).to.deep.equal(after);
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('fe-resultDelivery-up');
  });

  it('should refuse a field name that is not a safe identifier, in Vietnamese, and add nothing', async () => {
    // given the fields as they are
    const before = await rowNames(page);

    // when the designer tries a name with a space and a diacritic, then one already taken
    await page.fill('#fe--new-name', 'số điện');
    await page.fill('#fe--new-title', 'Thử');
    await page.click('[data-testid=add-field] button[type=submit]');
    const invalid = await page.innerText('#fe--new-name-error');
    await page.fill('#fe--new-name', 'childFullName');
    await page.click('[data-testid=add-field] button[type=submit]');

    // then each answer says why, the box is marked invalid, and no field was added
    expect(invalid).to.equal(
      'Tên trường chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái (tối đa 64 ký tự)',
    );
    expect(await page.innerText('#fe--new-name-error')).to.equal('Biểu mẫu đã có trường mang tên này');
    expect(await page.getAttribute('#fe--new-name', 'aria-invalid')).to.equal('true');
    expect(await rowNames(page)).to.deep.equal(before);
  });

  it('should show a problem of form.schema.schema.json under its field: a title left empty', async () => {
    // when the designer empties the phone field's title
    await page.click('#fe-contactPhone-edit');
    await page.fill('#fe-contactPhone-title', '');

    // then the rules' own check (the server's validator module) says so under that field
    const problems = row(page, 'contactPhone').locator('[data-testid=field-problems]');
    await problems.waitFor();
    expect(await problems.innerText()).to.equal('Tiêu đề (tiếng Việt): Không được để trống');

    // and writing it again clears it
    await page.fill('#fe-contactPhone-title', 'Số điện thoại liên hệ');
    await problems.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=field-problems]').count()).to.equal(0);
  });

  it('should warn before removing a field that steps of the diagram name, listing them', async () => {
    // when the designer asks to remove the place of birth
    await row(page, 'placeOfBirth').getByRole('button', { name: 'Xoá trường “Nơi sinh”' }).click();

    // then the warning names the steps that edit or require it
    const warning = row(page, 'placeOfBirth').locator('[data-testid=remove-warning]');
    expect(await warning.innerText()).to.contain('đang được các bước sau nhắc đến');
    const steps = await warning.locator('[data-step]').allInnerTexts();
    expect(steps).to.deep.equal(['Tiếp nhận hồ sơ (sửa, bắt buộc)', 'Hướng dẫn bổ sung giấy tờ (sửa)']);
    await screenshot(page, 'modeler-form-editor-remove-warning');
    expect(await seriousViolations(page, '#panel-form')).to.deep.equal([]);

    // and only "remove anyway" removes it, from the list, the required list and the preview
    await warning.getByRole('button', { name: 'Vẫn xoá' }).click();
    expect(await rowNames(page)).not.to.include('placeOfBirth');
    expect(await previewNames(page)).not.to.include('placeOfBirth');
  });

  it('should remove a field no step names after a plain question', async () => {
    // when the designer removes the phone field they added
    await row(page, 'contactPhone')
      .getByRole('button', { name: /^Xoá trường/ })
      .click();
    const warning = row(page, 'contactPhone').locator('[data-testid=remove-warning]');

    // then they are asked, without a list of steps, and the field goes
    expect(await warning.locator('[data-step]').count()).to.equal(0);
    await warning.getByRole('button', { name: 'Vẫn xoá' }).click();
    expect(await rowNames(page)).not.to.include('contactPhone');
  });

  it('should pass axe with a field open for editing, and log no error', async () => {
    // given the choice field open, with its options and bounds-free settings
    await page.click('#fe-resultDelivery-edit');
    await page.locator('[data-testid=field-editor-resultDelivery]').waitFor();

    // then no serious or critical accessibility violation, and the console stayed clean
    expect(await seriousViolations(page, '#panel-form')).to.deep.equal([]);
    await screenshot(page, 'modeler-form-editor');
    expect(designer.errors).to.deep.equal([]);
  });

  it('should say when bounds cross, in Vietnamese then in English, and clear it once they meet', async () => {
    // given a new whole-number field
    await page.fill('#fe--new-name', 'copies');
    await page.fill('#fe--new-title', 'Số bản sao');
    await page.selectOption('#fe--new-kind', 'integer');
    await page.click('[data-testid=add-field] button[type=submit]');
    expect(await page.locator('#preview-copies').getAttribute('step')).to.equal('1');

    // when its smallest value is set above its largest
    await page.fill('#fe-copies-minimum', '10');
    await page.fill('#fe-copies-maximum', '1');
    await page.press('#fe-copies-maximum', 'Tab');

    // then the row says so, in the chosen language
    const problems = row(page, 'copies').locator('[data-testid=field-problems]');
    expect(await problems.innerText()).to.equal('Giới hạn dưới lớn hơn giới hạn trên');
    expect(await seriousViolations(page, '#panel-form')).to.deep.equal([]);
    await page.click('[data-testid=lang-en]');
    expect(await problems.innerText()).to.equal('The lower bound is above the upper bound');
    expect(await page.innerText('[data-testid=tab-form]')).to.equal('Form');
    await page.click('[data-testid=lang-vi]');

    // and bounds that meet are fine
    await page.fill('#fe-copies-maximum', '20');
    await page.press('#fe-copies-maximum', 'Tab');
    expect(await problems.count()).to.equal(0);
  });

  it("should keep a large form's list scrolling inside the panel, every field reachable", async () => {
    // given the land certificate procedure, the catalogue's largest form
    await page.goto('/modeler/cap-gcn-quyen-su-dung-dat-lan-dau');
    await page.click('[data-testid=tab-form]');
    const list = page.locator('[data-testid=field-list]');
    await list.locator('[data-field-row]').first().waitFor();
    const names = await rowNames(page);

    // when focus reaches the last field's "up" button
    await page.focus(`#fe-${names.at(-1)}-up`);

    // then the list scrolls within itself, the panel keeps its height, and the last row is in view
    const box = await list.evaluate((el) => ({
      client: el.clientHeight,
      scroll: el.scrollHeight,
      top: el.scrollTop,
    }));
    expect(names.length).to.be.greaterThan(12);
    expect(box.scroll).to.be.greaterThan(box.client);
    expect(box.top).to.be.greaterThan(0);
    const panel = await page.locator('#panel-form').boundingBox();
    expect(panel!.height).to.be.at.most(640);
    expect(await page.locator(`[data-field-row="${names.at(-1)}"]`).isVisible()).to.equal(true);
    expect(await seriousViolations(page, '#panel-form')).to.deep.equal([]);
    await screenshot(page, 'modeler-form-editor-large');
    expect(designer.errors).to.deep.equal([]);
  });
});
