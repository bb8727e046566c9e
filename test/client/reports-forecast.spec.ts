import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { DossierDriver } from '../support/dossier-driver.js';
import { at, FORECAST_ASKED_AT, seedForecastHistory } from '../support/forecast-history.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

/**
 * seedForecastHistory's dossiers, asked for at Friday 04/12/2026 10:00: LATE is forecast to finish
 * Tue 08/12 15:30, 14.5 working hours after its promised Fri 04/12 17:00, the signature taking
 * 16 h of it (the hand computation is in test/server/reports/forecast.spec.ts); the others are not listed.
 */
describe('web client: the supervisor sees the dossiers forecast to be late', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let open: Record<string, DossierDriver>;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    const staff = await signInApi(server.baseUrl, 'reception', 'officer', 'leader', 'designer');
    open = await seedForecastHistory(staff);
    session = await openSession(browser, server.baseUrl);
    await signIn(session, 'giamsat');
  });

  beforeEach(() => at(FORECAST_ASKED_AT));

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should list the dossier forecast late with its promised date, forecast and lateness', async () => {
    const { page } = session;
    // when the supervisor opens the forecast from the reports' nav
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Dự báo trễ hạn' }).click();
    const row = page.locator(`[data-testid=forecast-dossiers] tr[data-dossier="${open.LATE!.code}"]`);
    await row.waitFor();

    // then LATE alone is listed, with the step it is at, both dates and the hours late
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).to.deep.equal([
      open.LATE!.code,
      'Thủ tục thử nghiệm ba phòng ban',
      'Thẩm định hồ sơ',
      '17:00 04/12/2026',
      '15:30 08/12/2026',
      '14,5 giờ làm việc',
      'Lãnh đạo ký duyệt 16 giờ làm việc',
    ]);
    expect(await page.locator('[data-testid=forecast-dossiers] tbody tr').count()).to.equal(1);
    expect(await page.locator('[data-testid=forecast-considered]').innerText()).to.include(
      'Đã dự báo 3 hồ sơ còn trong hạn; 1 hồ sơ dự kiến trễ hạn.',
    );
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'reports-04-forecast');
  });

  it('should reach the dossier from its link by keyboard', async () => {
    const { page } = session;
    // given the forecast's list on screen
    const link = page.getByRole('link', { name: open.LATE!.code });
    await link.waitFor();

    // when the link is focused and Enter pressed
    await link.focus();
    await page.keyboard.press('Enter');

    // then the dossier's page opens
    await page.waitForURL(`**/dossiers/${open.LATE!.code}`);
  });

  it('should have logged no console error', () => {
    expect(session.errors).to.deep.equal([]);
  });
});
