import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, CREATED_USER_PASSWORD } from '../support/api-client.js';
import { intakeBody } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

const HKD = {
  businessName: 'Quán phở Hà Thành',
  businessAddress: '8 Đội Cấn',
  businessLines: 'Ăn uống',
  capital: 30_000_000,
};
const row = (page: Page, code: string) => page.locator(`tr[data-dossier="${code}"]`);

describe('web client: two officers of one department share a live inbox', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  const sessions: Session[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // a second officer of the Finance – Planning department, created by the admin
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const created = await admin.post('/api/admin/users', {
      username: 'chuyenvien2',
      password: CREATED_USER_PASSWORD,
      fullName: 'Hoàng Thị Mai',
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

  async function inboxOf(username: string, password?: string): Promise<Page> {
    const session = await openSession(browser, server.baseUrl);
    sessions.push(session);
    await signIn(session, username, password);
    await session.page.goto('/inbox');
    await session.page.locator('[data-testid=live-status][data-connected=true]').waitFor();
    return session.page;
  }

  it('should take a task live out of the second officer’s inbox when the first claims it', async () => {
    // given both officers watching their inbox, and a dossier received for their department
    const [first, second] = [
      await inboxOf('chuyenvien'),
      await inboxOf('chuyenvien2', CREATED_USER_PASSWORD),
    ];
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const { code } = (await reception.post('/api/dossiers', intakeBody('dang-ky-ho-kinh-doanh', HKD))).body;
    await row(first, code).waitFor();
    await row(second, code).waitFor();

    // then its marker is in working time: the 1.5-day review step has 12 working hours left
    expect(await row(second, code).locator('[data-due]').getAttribute('data-due')).to.equal('ok');
    expect(await row(second, code).locator('[data-testid=working-hours]').innerText()).to.match(
      /còn (12|11,9) giờ làm việc/,
    );
    await screenshot(second, '27-inbox-second-officer-before-claim');

    // when the first officer claims it
    await row(first, code).locator('[data-action=claim]').click();
    await row(first, code).locator('[data-action=unclaim]').waitFor();

    // then it leaves the second officer's inbox without a reload, and stays in the first's as theirs
    await row(second, code).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await row(first, code).innerText()).to.contain('Tôi đang xử lý');
    await screenshot(second, '28-inbox-second-officer-after-claim');
  });

  it('should have logged no console error in either browser', () => {
    expect(sessions.flatMap((s) => s.errors)).to.deep.equal([]);
  });
});
