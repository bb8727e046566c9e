import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, CREATED_USER_PASSWORD } from '../support/api-client.js';
import { intakeBody } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

const HKD = {
  businessName: 'Tiệm may Hồng Hà',
  businessAddress: '12 Kim Mã',
  businessLines: 'May mặc',
  capital: 20_000_000,
};
const row = (page: Page, code: string) => page.locator(`tr[data-dossier="${code}"]`);

/**
 * Opening an unclaimed task from the inbox claims it on the way, so a routed step is "open,
 * outcome" and no claim click between; the live inbox of a colleague loses the row as before.
 */
describe('web client: opening a task from the inbox claims it', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let reception: ApiClient;
  const sessions: Session[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const created = await admin.post('/api/admin/users', {
      username: 'chuyenvien3',
      password: CREATED_USER_PASSWORD,
      fullName: 'Đặng Văn Long',
      roles: ['officer'],
      departments: ['TCKH'],
    });
    expect(created.status).to.equal(201);
  });

  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  async function inboxOf(username: string, password?: string, live = true): Promise<Page> {
    const session = await openSession(browser, server.baseUrl);
    sessions.push(session);
    // Without its socket the inbox keeps a row that someone else claims meanwhile, as on a slow line.
    if (!live) await session.page.route('**/socket.io/**', (route) => route.abort());
    await signIn(session, username, password);
    await session.page.goto('/inbox');
    if (live) await session.page.locator('[data-testid=live-status][data-connected=true]').waitFor();
    return session.page;
  }

  const receive = async () =>
    (await reception.post('/api/dossiers', intakeBody('dang-ky-ho-kinh-doanh', HKD))).body.code as string;

  it('should claim and open the task with one key press, leave its outcomes one click away, and take it from a colleague’s inbox', async () => {
    // given two officers of the department watching their inbox, and a dossier received for them
    const [officer, colleague] = [
      await inboxOf('chuyenvien'),
      await inboxOf('chuyenvien3', CREATED_USER_PASSWORD),
    ];
    const code = await receive();
    const open = row(officer, code).locator('[data-action=open]');
    await open.waitFor();
    await row(colleague, code).waitFor();
    expect(await open.innerText()).to.equal('Nhận và mở');
    expect(await seriousViolations(officer)).to.deep.equal([]);
    await screenshot(officer, 'inbox-claim-on-open-1-inbox');

    // when the officer reaches "Nhận và mở" by keyboard and presses Enter
    await open.focus();
    await officer.keyboard.press('Enter');

    // then the task page shows it as theirs, with no claim button and its outcomes enabled
    const actions = officer.locator('[data-testid=task-actions]');
    await actions.locator('[data-action=unclaim]').waitFor();
    expect(await actions.locator('[data-action=claim]').count()).to.equal(0);
    expect(await actions.innerText()).to.contain('Tôi đang xử lý');
    expect(await actions.locator('[data-outcome=approve]').isEnabled()).to.equal(true);
    await screenshot(officer, 'inbox-claim-on-open-2-task');
    // and the row left the colleague's inbox without a reload
    await row(colleague, code).waitFor({ state: 'detached', timeout: 10_000 });

    // when the officer takes the outcome
    await officer.fill('#step-reviewNote', 'Đủ điều kiện');
    await actions.locator('[data-outcome=approve]').click();

    // then the dossier went on to the leader
    await officer.locator('[data-testid=next-step]').waitFor();
    expect(await officer.locator('[data-testid=next-step]').innerText()).to.contain('Lãnh đạo UBND');
  });

  it('should stay in the inbox and say so when someone else claimed the task first', async () => {
    // given an inbox without its live updates, showing an unclaimed task a colleague then claims
    const officer = await inboxOf('chuyenvien', undefined, false);
    const code = await receive();
    await officer.reload();
    const open = row(officer, code).locator('[data-action=open]');
    await open.waitFor();
    const colleague = await ApiClient.as(server.baseUrl, 'chuyenvien3', CREATED_USER_PASSWORD);
    const detail = (await reception.get(`/api/dossiers/${code}`)).body;
    expect((await colleague.post(`/api/tasks/${detail.openTasks[0].id}/claim`)).status).to.equal(200);

    // when the officer opens it from the stale row
    await open.click();

    // then the inbox says the task is someone else's, stays where it is, and drops the row
    const alert = officer.locator('.alert.error[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).to.equal('Công việc này đã có người khác nhận xử lý.');
    expect(new URL(officer.url()).pathname).to.equal('/inbox');
    await row(officer, code).waitFor({ state: 'detached' });
  });

  it('should have logged no console error in the live inboxes', () => {
    // The third session's are its blocked socket and the refused claim, which the test made.
    expect(sessions.slice(0, 2).flatMap((s) => s.errors)).to.deep.equal([]);
  });
});
