import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient } from '../support/api-client.js';
import { intakeBody } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

describe('web client: the dossier search fits the screen, the procedure search works by keyboard', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let desk: Session;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const answer = await reception.post(
      '/api/dossiers',
      intakeBody('dang-ky-ho-kinh-doanh', {
        businessName: 'Tạp hoá Bình An',
        businessAddress: '12 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 50_000_000,
      }),
    );
    expect(answer.status).to.equal(201);
    desk = await openSession(browser, server.baseUrl);
    await signIn(desk, 'tiepnhan');
  });

  after(async () => {
    await desk?.close();
    await browser?.close();
    await server?.close();
  });

  it('should wrap the search filters within a 1366 px wide screen', async () => {
    // given a 1366×768 screen
    const page = desk.page;
    expect(page.viewportSize()).to.deep.equal({ width: 1366, height: 768 });

    // when the dossier search opens with its results
    await page.goto('/dossiers');
    await page.locator('table.list tbody tr').first().waitFor();

    // then nothing runs past the right edge: no horizontal scroll
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).to.be.at.most(1366);
    await screenshot(page, '30-dossier-search-1366');
  });

  it('should pick the only match on Enter and put the cursor in the first field of the form', async () => {
    // given the reception desk's procedure search
    const page = desk.page;
    await page.goto('/reception');
    const search = page.locator('input[name=procedure-search]');
    await search.waitFor();

    // when the receptionist types a few words without diacritics and presses Enter
    await search.fill('ho kinh doanh');
    // the catalogue may still be loading when the page opens: wait for the list it filters
    await page.locator('[data-procedure]').first().waitFor();
    expect(await page.locator('[data-procedure]').count()).to.equal(1);
    await search.press('Enter');

    // then the procedure is picked and the first field of its form has the focus
    await page.locator('[data-testid=procedure-name]').waitFor();
    expect(await page.locator('[data-testid=procedure-name]').innerText()).to.equal(
      'Đăng ký thành lập hộ kinh doanh',
    );
    const first = await page.locator('[data-testid=reception-form] [id^=data-]').first().getAttribute('id');
    await page.waitForFunction((id) => document.activeElement?.id === id, first);
    await screenshot(page, '31-reception-picked-by-keyboard');
  });

  it('should pick the first of several matches on Enter', async () => {
    // given the procedure search again, with a word several procedures share
    const page = desk.page;
    await page.goto('/reception');
    const search = page.locator('input[name=procedure-search]');
    await search.fill('dang ky');
    const offered = page.locator('[data-procedure]');
    await offered.nth(1).waitFor();
    expect(await offered.count()).to.be.greaterThan(1);
    const firstName = await offered.first().locator('strong').innerText();

    // when Enter is pressed
    await search.press('Enter');

    // then the first one offered is the procedure being received
    await page.locator('[data-testid=procedure-name]').waitFor();
    expect(await page.locator('[data-testid=procedure-name]').innerText()).to.equal(firstName);
  });

  it('should have logged no console error', () => {
    expect(desk.errors).to.deep.equal([]);
  });
});
