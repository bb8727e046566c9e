import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

const errorOf = (page: Page, field: string) => page.locator(`[data-field="${field}"] .error`);

describe('web client: reception form validation', function () {
  this.timeout(90_000);
  let server: TestServer;
  let browser: Browser;
  let desk: Session;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    desk = await openSession(browser, server.baseUrl);
    await signIn(desk, 'tiepnhan');
  });

  after(async () => {
    await desk?.close();
    await browser?.close();
    await server?.close();
  });

  it('should show ajv errors next to the right fields, in Vietnamese, and send nothing', async () => {
    // given the form of the demo procedure, filled in wrongly
    const { page } = desk;
    await page.click('[data-procedure="dang-ky-ho-kinh-doanh"]');
    await page.fill('#data-businessName', 'AB');
    await page.fill('#data-capital', '-5');
    await page.fill('#applicant-idNumber', 'số 12');
    await page.fill('#applicant-email', 'khong-phai-email');

    // when the receptionist submits
    await page.click('button[type=submit]');

    // then every problem sits under its own field, worded in Vietnamese
    expect(await errorOf(page, 'businessName').innerText()).to.equal('Phải có ít nhất 3 ký tự');
    expect(await errorOf(page, 'businessAddress').innerText()).to.equal('Không được để trống');
    expect(await errorOf(page, 'businessLines').innerText()).to.equal('Không được để trống');
    expect(await errorOf(page, 'capital').innerText()).to.equal('Phải lớn hơn hoặc bằng 0');
    expect(await errorOf(page, 'fullName').innerText()).to.equal('Không được để trống');
    expect(await errorOf(page, 'idNumber').innerText()).to.equal('Không đúng định dạng');
    expect(await errorOf(page, 'email').innerText()).to.equal('Không đúng định dạng địa chỉ thư điện tử');
    expect(await errorOf(page, 'employees').count()).to.equal(0);
    expect(await page.locator('#data-businessName').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('[data-testid=form-errors]').innerText()).to.contain('7 lỗi');
    await screenshot(page, '11-reception-validation-vi');
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    expect((await reception.get('/api/dossiers')).body.total).to.equal(0);
  });

  it('should word the same errors in English after the language switch, and back', async () => {
    const { page } = desk;
    await page.click('[data-testid=lang-en]');
    expect(await errorOf(page, 'businessAddress').innerText()).to.equal('Required');
    expect(await page.locator('label[for=applicant-fullName]').innerText()).to.contain('Full name');
    await screenshot(page, '12-reception-validation-en');
    await page.click('[data-testid=lang-vi]');
    expect(await errorOf(page, 'businessAddress').innerText()).to.equal('Không được để trống');
  });

  it('should clear a field error once the field is fixed and the form submitted again', async () => {
    const { page } = desk;
    await page.fill('#data-businessName', 'Tạp hoá An Bình');
    await page.click('button[type=submit]');
    expect(await errorOf(page, 'businessName').count()).to.equal(0);
    expect(await errorOf(page, 'businessAddress').count()).to.equal(1);
    expect(desk.errors).to.deep.equal([]);
  });
});
