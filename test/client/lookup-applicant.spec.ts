import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../support/fixtures.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const EARLIER = {
  fullName: 'Đặng Văn Long',
  idNumber: '001203004455',
  phone: '0922222222',
  email: 'long.dang@example.vn',
  address: '5 Trần Phú, Ba Đình, Hà Nội',
};

describe('web client: the desk fills the applicant from an earlier dossier', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let earlierCode = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const earlier = await reception.post('/api/dossiers', {
      procedureCode: 'dang-ky-ho-kinh-doanh',
      applicant: EARLIER,
      data: HOUSEHOLD_BUSINESS,
      channel: 'in_person',
    });
    expect(earlier.status, JSON.stringify(earlier.body)).to.equal(201);
    earlierCode = earlier.body.code;
    session = await openSession(browser, server.baseUrl);
    await signIn(session, 'tiepnhan');
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should say when no earlier dossier has the ID number, then fill every applicant field by keyboard', async () => {
    // given the reception form of a new dossier
    const { page, errors } = session;
    await page.click('[data-procedure="dang-ky-ho-kinh-doanh"]');
    const button = page.locator('[data-action=fill-applicant]');
    const message = page.locator('[data-testid=applicant-lookup-message]');
    expect(await button.isDisabled()).to.equal(true);

    // when an ID number no dossier has is typed
    await page.fill('#applicant-idNumber', '999999999999');
    await button.click();
    // then the desk is told so, and nothing is filled
    await message.waitFor();
    expect(await message.innerText()).to.equal('Chưa có hồ sơ nào với số giấy tờ này.');
    expect(await page.inputValue('#applicant-fullName')).to.equal('');

    // when the citizen's real number is typed and the button reached with Tab and pressed with Enter
    await page.fill('#applicant-idNumber', EARLIER.idNumber);
    expect(await message.count()).to.equal(0);
    await page.locator('#applicant-address').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).to.equal(
      'fill-applicant',
    );
    await page.keyboard.press('Enter');

    // then every field holds what the earlier dossier was received with, and the desk is told from where
    await message.filter({ hasText: earlierCode }).waitFor();
    expect(await message.innerText()).to.contain('Đã điền thông tin người nộp theo hồ sơ');
    for (const [field, value] of Object.entries(EARLIER))
      expect(await page.inputValue(`#applicant-${field}`), field).to.equal(value);
    expect(await seriousViolations(page)).to.deep.equal([]);
    // Chromium logs the one 404 the unknown number was answered with; nothing else went wrong.
    expect(errors.map((e) => e.replace(/^\S+: /, ''))).to.deep.equal([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await screenshot(page, 'lookup-applicant-filled');
  });
});
