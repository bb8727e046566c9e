import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { intakeBody } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { en } from '../../client/src/i18n/en.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

/** "Ngày dd tháng mm năm yyyy" of an instant in Vietnam's time, spelled out here independently. */
function dateLine(iso: string): string {
  const [year, month, day] = new Date(new Date(iso).getTime() + 7 * 3_600_000)
    .toISOString()
    .slice(0, 10)
    .split('-');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

describe('web client: papers are Vietnamese whatever the UI language', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let desk: Session;
  let code = '';
  let issuedAt = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    code = (
      await reception.post(
        '/api/dossiers',
        intakeBody('dang-ky-ho-kinh-doanh', {
          businessName: 'Tạp hoá Bình An',
          businessAddress: '12 Kim Mã',
          businessLines: 'Bán lẻ',
          capital: 50_000_000,
        }),
      )
    ).body.code;
    await reception.post(`/api/dossiers/${code}/supplement-request`, {
      reasons: ['Thiếu bản sao căn cước công dân'],
      items: ['Bản sao CCCD của chủ hộ kinh doanh'],
    });
    issuedAt = (await reception.get(`/api/dossiers/${code}/papers/supplement-request`)).body.issuedAt;
    desk = await openSession(browser, server.baseUrl);
    await signIn(desk, 'tiepnhan');
  });

  after(async () => {
    await desk?.close();
    await browser?.close();
    await server?.close();
  });

  it('should print the supplement request in Vietnamese, dated the administrative way, with the UI in English', async () => {
    // given the UI switched to English
    const page = desk.page;
    await page.click('[data-testid=lang-en]');

    // when the receptionist opens the supplement request
    await page.goto(`/papers/supplement-request/${code}`);
    const paper = page.locator('[data-testid=paper][data-paper=supplement-request]');
    await paper.waitFor();

    // then the toolbar around it is English
    expect(await page.locator('[data-testid=print]').innerText()).to.equal(en['receipt.print']);
    expect(await page.locator('[data-testid=download-pdf]').innerText()).to.equal(en['receipt.pdf']);

    // and the paper is Vietnamese, marked so, and dated "Ngày dd tháng mm năm yyyy" in Vietnam's time
    expect(await paper.getAttribute('lang')).to.equal('vi');
    expect(await page.locator('[data-testid=paper-title]').innerText()).to.equal(
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    );
    const text = await paper.innerText();
    expect(text)
      .to.contain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
      .and.contain('Mã hồ sơ')
      .and.contain('Kính gửi ông/bà')
      .and.contain('Thời gian giải quyết hồ sơ tạm dừng')
      .and.contain('NGƯỜI HƯỚNG DẪN')
      .and.not.contain(en['received.code'])
      .and.not.contain(en['paper.supplement.clock'])
      .and.not.contain(en['paper.sign']);
    expect(await page.locator('[data-testid=paper-dated]').innerText()).to.equal(dateLine(issuedAt));
    expect(text).to.match(/Thời điểm yêu cầu: \d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, '27-paper-supplement-request-english-ui');
  });

  it('should have logged no console error', () => {
    expect(desk.errors).to.deep.equal([]);
  });
});
