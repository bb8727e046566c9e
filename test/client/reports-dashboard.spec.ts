import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { clock } from '../../server/src/core/clock.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { DossierDriver } from '../support/dossier-driver.js';
import { HOUSEHOLD_BUSINESS } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';

describe('web client: the supervisor sees the overdue board and the trends', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let late: string;
  let thisMonth: string;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    const { reception } = await signInApi(server.baseUrl, 'reception');
    // given a dossier received ten days ago, its review (1.5 working days) long overdue, and one received now
    const realNow = clock.now;
    try {
      clock.now = () => new Date(realNow().getTime() - 10 * 86_400_000);
      late = (await DossierDriver.receive(reception, PROCEDURE, HOUSEHOLD_BUSINESS)).code;
    } finally {
      clock.now = realNow;
    }
    await DossierDriver.receive(reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    thisMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    session = await openSession(browser, server.baseUrl);
    await signIn(session, 'giamsat');
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should list the overdue step with how late it is, by department and officer, and offer the workbook', async () => {
    const { page } = session;
    // when the supervisor opens the overdue board from the reports' nav
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Quá hạn, sắp đến hạn' }).click();
    const row = page.locator(`[data-testid=overdue-steps] tr[data-dossier="${late}"]`);
    await row.waitFor();

    // then the late review is listed as overdue by working hours, in the pool of its department
    expect(await row.innerText()).to.match(
      /Thẩm định hồ sơ[\s\S]*Chưa có người nhận[\s\S]*Quá [\d,]+ giờ làm việc/,
    );
    expect(await page.locator('[data-testid=overdue-totals]').innerText()).to.include('1 bước quá hạn');
    expect(await page.locator('[data-testid=overdue-by-department]').innerText()).to.include(
      'Phòng Tài chính – Kế hoạch',
    );
    // and the workbook link carries the same filters
    await page.selectOption('#overdue-state', 'overdue');
    await page.locator('[data-testid=overdue-totals]').waitFor();
    expect(await page.locator('[data-testid=overdue-xlsx]').getAttribute('href')).to.include('state=overdue');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid=overdue-xlsx]').click();
    expect((await download).suggestedFilename()).to.match(/^ho-so-qua-han-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'reports-02-overdue-board');
  });

  it('should chart the months and give the same figures as tables', async () => {
    const { page } = session;
    // when the supervisor opens the trends
    await page.getByRole('link', { name: 'Xu hướng' }).click();
    await page.locator('[data-testid=trends-chart] svg').waitFor();

    // then this month's row counts the dossiers received in it, and the chart is drawn in SVG
    const months = page.locator(`[data-testid=trends-months] tr[data-row="${thisMonth}"]`);
    const received = await months.locator('td').first().innerText();
    const lateMonth = new Date(Date.now() - 10 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 7);
    expect(Number(received)).to.equal(lateMonth === thisMonth ? 2 : 1);
    expect(await page.locator('[data-testid=trends-departments]').innerText()).to.include(
      'Bộ phận Tiếp nhận và Trả kết quả',
    );
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'reports-03-trends');
  });

  it('should have logged no console error', () => {
    expect(session.errors).to.deep.equal([]);
  });
});
