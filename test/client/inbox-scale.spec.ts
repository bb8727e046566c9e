import { expect } from 'chai';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { intakeBody } from '../support/fixtures.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

const OPEN_TASKS = 5000;

describe('web client: an inbox with 5,000 open tasks', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let officer: Session;

  before(async () => {
    // given one real dossier whose open task is copied into 5,000 (SQL: intake runs the engine each time)
    server = await startTestServer();
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('dang-ky-ho-kinh-doanh', {
        businessName: 'Tạp hoá A',
        businessAddress: '12 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 1,
      }),
    );
    expect(intake.status).to.equal(201);
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    await client.query(
      `insert into tasks (dossier_id, execution_id, element_id, name, department_codes, role, status, created_at, due_at)
       select dossier_id, execution_id || '-' || g, element_id, name, department_codes, role, 'open', now(), now() + make_interval(mins => g)
       from tasks cross join generate_series(1, $1::int) g where status = 'open'`,
      [OPEN_TASKS - 1],
    );
    await client.end();
    browser = await launchBrowser();
    officer = await openSession(browser, server.baseUrl);
    await signIn(officer, 'chuyenvien');
  });

  after(async () => {
    await officer?.close();
    await browser?.close();
    await server?.close();
  });

  it('should answer one page of the inbox quickly', async () => {
    const api = await ApiClient.as(server.baseUrl, 'chuyenvien');
    const started = Date.now();
    const page = await api.get('/api/tasks?scope=available&sort=due&page=40');
    expect(page.status).to.equal(200);
    expect(page.body.total).to.equal(OPEN_TASKS);
    expect(page.body.items).to.have.length(50);
    expect(Date.now() - started).to.be.below(1000);
  });

  it('should show 50 rows with a pager and stay usable', async () => {
    const { page } = officer;
    const started = Date.now();
    await page.goto('/inbox');
    await page.locator('tr[data-task]').first().waitFor();
    expect(Date.now() - started).to.be.below(5000);
    expect(await page.locator('tr[data-task]').count()).to.equal(50);
    expect(await page.locator('[data-testid=pager-page]').innerText()).to.equal('Trang 1/100');
    await page.getByRole('button', { name: /Trang sau/ }).click();
    await page.locator('[data-testid=pager-page]', { hasText: 'Trang 2/100' }).waitFor();
    expect(await page.locator('tr[data-task]').count()).to.equal(50);
    await screenshot(page, '13-inbox-5000');
    expect(officer.errors).to.deep.equal([]);
  });
});
