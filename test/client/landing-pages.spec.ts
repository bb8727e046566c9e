import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN_PASSWORD } from '../../server/src/core/config.js';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn } from './support/browser.js';

/** Each demo user, the page they should land on, and what that page shows once loaded. */
const LANDINGS = [
  { username: 'tiepnhan', path: '/reception', ready: 'input[name=procedure-search]' },
  { username: 'chuyenvien', path: '/inbox', ready: 'h1' },
  { username: 'lanhdao', path: '/inbox', ready: 'h1' },
  { username: 'giamsat', path: '/reports', ready: '[data-testid=ii06a-table]' },
  { username: 'admin', path: '/dossiers', ready: 'table.list tbody tr, .card.muted' },
  { username: 'thietke', path: '/modeler', ready: '[data-testid=modeler-procedures]' },
];

describe('web client: every role lands on a page that works', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { username, path, ready } of LANDINGS) {
    it(`should land ${username} on ${path}, with no error`, async () => {
      // given a fresh browser session
      const session = await openSession(browser, server.baseUrl);
      try {
        // when the user signs in
        await signIn(session, username, username === 'admin' ? DEMO_ADMIN_PASSWORD : undefined);

        // then they land on their page, which loads without an error shown or logged
        const { page } = session;
        await page.waitForURL(`**${path}`);
        await page.locator(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('.alert.error').count()).to.equal(0);
        expect(session.errors).to.deep.equal([]);
        await screenshot(page, `40-landing-${username}`);
      } finally {
        await session.close();
      }
    });
  }

  it('should send the designer back to the modeler, and list every procedure with its versions', async () => {
    // given the catalogue as the API answers it
    const api = await ApiClient.as(server.baseUrl, 'thietke');
    const procedures = (await api.get('/api/procedures')).body as { code: string; name: string }[];
    const session = await openSession(browser, server.baseUrl);
    try {
      // when the designer signs in, then opens a page meant for other roles
      await signIn(session, 'thietke');
      const { page } = session;
      await page.locator('[data-testid=modeler-procedures]').waitFor();
      await page.goto('/dossiers');

      // then they are sent back to the modeler's list
      await page.waitForURL('**/modeler');
      await page.locator('[data-testid=modeler-procedures]').waitFor();
      // and the catalogue page shows each procedure and its versions
      await page.goto('/procedures');
      await page.locator('[data-testid=procedure]').first().waitFor();
      expect(await page.locator('h1').innerText()).to.equal('Danh mục thủ tục hành chính');
      const shown = await page.locator('[data-testid=procedure]').evaluateAll((sections) =>
        sections.map((s) => ({
          code: s.getAttribute('data-procedure'),
          name: s.querySelector('h2')?.textContent,
          versions: s.querySelectorAll('tbody tr').length,
        })),
      );
      expect(shown.map(({ code, name }) => ({ code, name }))).to.deep.equal(
        procedures.map(({ code, name }) => ({ code, name })),
      );
      for (const { code, versions } of shown) {
        const listed = (await api.get(`/api/procedures/${code}/versions`)).body;
        expect(versions, code!).to.equal(listed.length).and.be.greaterThan(0);
      }
      expect(session.errors).to.deep.equal([]);
    } finally {
      await session.close();
    }
  });
});
