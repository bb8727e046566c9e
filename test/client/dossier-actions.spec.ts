import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { HOUSEHOLD_BUSINESS } from '../support/fixtures.js';
import { DossierDriver } from '../support/dossier-driver.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';

describe('web client: the dossier offers only the actions its detail lists', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let desk: Session;
  let watcher: Session;
  let staff: Record<'reception' | 'officer' | 'leader', ApiClient>;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    staff = await signInApi(server.baseUrl, 'reception', 'officer', 'leader');
    desk = await openSession(browser, server.baseUrl);
    await signIn(desk, 'tiepnhan');
    watcher = await openSession(browser, server.baseUrl);
    await signIn(watcher, 'giamsat');
  });

  after(async () => {
    await desk?.close();
    await watcher?.close();
    await browser?.close();
    await server?.close();
  });

  const lookup = (code: string, secret: string) =>
    new ApiClient(server.baseUrl).get(`/api/public/lookup?code=${code}&secret=${secret}`);

  async function openDossier(page: Page, code: string) {
    await page.goto(`/dossiers/${code}`);
    await page.locator('[data-testid=dossier-status]').waitFor();
  }

  /** The data-action of every button the actions card shows. */
  const actionsOn = (page: Page) =>
    page.locator('[data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));

  it('should show a supervisor no reprint and no new lookup code, on the dossier and on its receipt', async () => {
    // given a dossier just received
    const dossier = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    const { page } = watcher;

    // when the supervisor opens it, then its receipt
    await openDossier(page, dossier.code);
    const onDossier = await actionsOn(page);
    expect(await seriousViolations(page), 'dossier as supervisor').to.deep.equal([]);
    await screenshot(page, 'actions-01-supervisor-dossier');
    await page.goto(`/receipt/${dossier.code}`);
    await page.locator('[data-testid=no-secret]').waitFor();

    // then nothing is offered that its route would refuse, and the receipt says why it has no code
    expect(onDossier).to.deep.equal([]);
    expect(
      await page.locator('[data-testid=reprint-receipt], [data-action=reissue-secret]').count(),
    ).to.equal(0);
    expect(await page.locator('[data-testid=no-secret]').innerText()).to.contain('chỉ bộ phận tiếp nhận');
    expect(await seriousViolations(page), 'receipt as supervisor').to.deep.equal([]);
    await screenshot(page, 'actions-02-supervisor-receipt');
    expect(watcher.errors).to.deep.equal([]);
  });

  it('should offer no supplement request and no extension on a resolved dossier', async () => {
    // given a dossier whose result is ready at the desk (status 9)
    const dossier = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    await dossier.step(staff.officer, 'Task_review', 'approve');
    await dossier.step(staff.leader, 'Task_sign', 'sign', { certificateNumber: 'HKD-01' });
    const { page } = desk;

    // when the receptionist opens it
    await openDossier(page, dossier.code);

    // then the result can be returned and the receipt reprinted, and nothing else
    expect(await actionsOn(page)).to.deep.equal(['return-result', 'reprint', 'reissue-secret']);
    expect(await seriousViolations(page), 'resolved dossier').to.deep.equal([]);
    await screenshot(page, 'actions-03-resolved-dossier');
  });

  it('should reprint with the same code, and issue a new one only once the dialog is confirmed', async () => {
    // given a dossier and the code its first receipt carries
    const dossier = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    const first: string = dossier.intake.lookupSecret;
    const { page } = desk;
    await openDossier(page, dossier.code);

    // when the receipt is reprinted
    await page.click('[data-action=reprint]');
    await page.locator('img[data-testid=receipt-qr]').waitFor();

    // then it shows the first code
    expect(await page.locator('[data-testid=receipt-secret]').innerText()).to.equal(first);

    // when the new-code dialog is opened by keyboard and dismissed with Escape
    const dialog = page.locator('[data-testid=reissue-dialog]');
    await page.focus('[data-action=reissue-secret]');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).to.equal(
      'reissue-cancel',
    );
    expect(await seriousViolations(page), 'reissue dialog').to.deep.equal([]);
    await screenshot(page, 'actions-04-reissue-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // then nothing changed
    expect((await lookup(dossier.code, first)).status).to.equal(200);

    // when it is opened again and confirmed
    await page.click('[data-action=reissue-secret]');
    await page.click('[data-testid=reissue-confirm]');
    await page.locator('[data-testid=reissued-notice]').waitFor();

    // then the receipt shows a new code that opens the lookup, and the first one opens nothing
    const fresh = await page.locator('[data-testid=receipt-secret]').innerText();
    expect(fresh).to.not.equal(first);
    expect((await lookup(dossier.code, fresh)).status).to.equal(200);
    expect((await lookup(dossier.code, first)).status).to.equal(404);
    expect(await seriousViolations(page), 'receipt after a new code').to.deep.equal([]);
    await screenshot(page, 'actions-05-receipt-new-code');
    expect(desk.errors).to.deep.equal([]);
  });
});
