import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, signIn, type Session } from './support/browser.js';

/** Every CSP violation the page reports, from its first script on (the event and the console alike). */
async function watchViolations(session: Session): Promise<string[]> {
  const seen: string[] = [];
  await session.page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await session.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      void report(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  session.page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(`console: ${msg.text()}`);
  });
  return seen;
}

describe('web client under the Content-Security-Policy', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  let dossier: { code: string; lookupSecret: string };

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const intake = await reception.post('/api/dossiers', {
      procedureCode: 'dang-ky-ho-kinh-doanh',
      channel: 'in_person',
      applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '001099012345' },
      data: {
        businessName: 'Tạp hoá Bình An',
        businessAddress: '12 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 50000000,
      },
    });
    dossier = intake.body;
  });

  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  async function watched(username: string | null): Promise<{ session: Session; violations: string[] }> {
    const session = await openSession(browser, server.baseUrl);
    sessions.push(session);
    const violations = await watchViolations(session);
    if (username) await signIn(session, username);
    return { session, violations };
  }

  it('should run reception (the form validated in the browser), receipt with QR and the dossier diagram without a violation', async () => {
    // given the receptionist
    const { session, violations } = await watched('tiepnhan');
    const { page } = session;

    // when the desk opens a procedure's form and submits it empty (ajv reports every field)
    await page.goto('/reception');
    await page.fill('input[name=procedure-search]', 'ho kinh doanh');
    await page.click('[data-procedure="dang-ky-ho-kinh-doanh"]');
    await page.click('button[type=submit]');
    const missing = page.locator('[data-field="businessName"] .error');
    await missing.waitFor();
    expect(await missing.innerText()).to.equal('Không được để trống');
    // and reprints a receipt (a same-origin POST that shows the current secret), then opens the dossier with its bpmn-js diagram
    await page.goto(`/receipt/${dossier.code}`);
    await page.click('[data-testid=reprint-receipt]');
    await page.locator('img[data-testid=receipt-qr]').waitFor();
    dossier.lookupSecret = await page.locator('[data-testid=receipt-secret]').innerText();
    await page.goto(`/dossiers/${dossier.code}`);
    await page.locator('[data-testid=bpmn-diagram] .djs-element.mc-active').first().waitFor();

    // then
    expect(violations).to.deep.equal([]);
    expect(session.errors).to.deep.equal([]);
  });

  it('should keep the inbox live over socket.io without a violation', async () => {
    // given the officer
    const { session, violations } = await watched('chuyenvien');

    // when
    await session.page.goto('/inbox');
    await session.page.locator('[data-testid=live-status][data-connected=true]').waitFor();
    await session.page.locator(`tr[data-dossier="${dossier.code}"]`).waitFor();

    // then
    expect(violations).to.deep.equal([]);
    expect(session.errors).to.deep.equal([]);
  });

  it('should show the citizen lookup without a violation', async () => {
    // given a citizen following the receipt's link
    const { session, violations } = await watched(null);

    // when
    await session.page.goto(`/lookup?code=${dossier.code}&secret=${dossier.lookupSecret}`);
    await session.page.locator('[data-testid=lookup-status]').waitFor();

    // then
    expect(violations).to.deep.equal([]);
    expect(session.errors).to.deep.equal([]);
  });
});
