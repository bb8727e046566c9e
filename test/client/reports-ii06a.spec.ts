import { expect } from 'chai';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { clock } from '../../server/src/core/clock.js';
import { ApiClient } from '../support/api-client.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { DossierDriver } from '../support/dossier-driver.js';
import { deployThreeDepartments } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('web client: the supervisor reads report II.06a and downloads it', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    const { reception, officer } = await signInApi(server.baseUrl, 'reception', 'officer');
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
    // given at the district desk in November 2026: one dossier received online on Tue 10/11 (due
    // Tue 17/11 09:00) and finished Thu 12/11 (early), one received in person the same day, still open
    const realNow = clock.now;
    try {
      clock.now = () => vn('2026-11-10T09:00:00');
      const online = await DossierDriver.receive(
        reception,
        'ba-phong',
        { area: 400, purpose: 'Nhà ở' },
        'MC',
        'online',
      );
      await DossierDriver.receive(reception, 'ba-phong', { area: 90, purpose: 'Nhà ở' }, 'MC');
      clock.now = () => vn('2026-11-12T10:00:00');
      await online.step(officer, 'review', 'approve');
    } finally {
      clock.now = realNow;
    }
    session = await openSession(browser, server.baseUrl);
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should land the supervisor on /reports, show the month they pick and download it as XLSX', async () => {
    const { page } = session;
    // when the supervisor signs in
    await signIn(session, 'giamsat');

    // then they land on the reports, with the city and the current month shown
    await page.waitForURL('**/reports');
    await page.locator('[data-testid=ii06a-table]').waitFor();
    expect(await page.locator('#report-agency').inputValue()).to.equal('HN');

    // when they pick November 2026 and ask for it from the keyboard
    await page.fill('#report-month', '2026-11');
    expect(await page.locator('#report-from').inputValue()).to.equal('2026-11-01');
    expect(await page.locator('#report-to').inputValue()).to.equal('2026-11-30');
    await page.focus('[data-testid=ii06a-form] button[type=submit]');
    await page.keyboard.press('Enter');

    // then the district's row and the total show the two dossiers: received 2 (online 1, in person 1);
    // resolved 1, early; in progress 1, overdue at the month's end (due 17/11)
    const figures = (agency: string) => page.locator(`tr[data-agency="${agency}"] td.num`).allInnerTexts();
    await page.locator('[data-testid=ii06a-table][data-from="2026-11-01"][data-to="2026-11-30"]').waitFor();
    expect(await figures('QBD')).to.deep.equal(['2', '1', '1', '0', '1', '1', '0', '0', '1', '0', '1']);
    expect(await figures('total')).to.deep.equal(['2', '1', '1', '0', '1', '1', '0', '0', '1', '0', '1']);
    expect(await figures('VPDK')).to.deep.equal(Array(11).fill('0'));
    expect(await page.locator('thead th[scope=colgroup]').allInnerTexts()).to.deep.equal([
      'Số hồ sơ nhận giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Trong kỳ',
    ]);
    expect(await page.locator('header nav a', { hasText: 'Báo cáo' }).count()).to.equal(1);
    expect(await seriousViolations(page), 'reports page').to.deep.equal([]);
    await screenshot(page, 'reports-01-ii06a');

    // when they download the XLSX
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=ii06a-xlsx]'),
    ]);

    // then it opens as the form, with the same figures
    expect(download.suggestedFilename()).to.equal('bao-cao-II06a-HN-2026-11-01-2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('II.06a')!;
    expect(sheet.getCell('A1').value).to.equal('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(sheet.getCell('B14').value).to.equal('Tổng cộng');
    expect((sheet.getRow(14).values as unknown[]).slice(3, 14)).to.deep.equal([
      2, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1,
    ]);

    // when they switch to English, then the same table speaks English
    await page.click('[data-testid=lang-en]');
    expect(await page.locator('thead th[scope=colgroup]').first().innerText()).to.equal('Dossiers received');
    expect(await page.locator('tr[data-agency="total"] th').innerText()).to.equal('Total');
    expect(await seriousViolations(page), 'reports page in English').to.deep.equal([]);
    expect(session.errors).to.deep.equal([]);
  });
});
