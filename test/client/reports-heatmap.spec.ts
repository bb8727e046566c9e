import { expect } from 'chai';
import type { Browser, Locator } from 'playwright-core';
import { clock } from '../../server/src/core/clock.js';
import type { ApiClient } from '../support/api-client.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { DossierDriver } from '../support/dossier-driver.js';
import { deployThreeDepartments } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { todayInVietnam } from '../../client/src/components/reports/period.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const PROCEDURE = 'diem-nghen';
/** Approved at review with more than 250 m², a dossier ends there; with less it goes on to the leader's signature. */
const LARGE = { area: 400, purpose: 'Nhà ở' };
const SMALL = { area: 100, purpose: 'Nhà ở' };
const at = (local: string) => () => new Date(`${local}+07:00`);

/**
 * Working hours 07:30–11:30 and 13:00–17:00, Monday to Friday. The review step's budget is 3
 * working days from its creation; the signature has none. Seeded in November 2026, asked for
 * with the period 1–30 November.
 */
describe('web client: the bottleneck heatmap on the diagram', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let reception: ApiClient;
  let officer: ApiClient;
  const codes = { overdue: '', fresh: '', atSign: '' };

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    let designer: ApiClient;
    ({ reception, officer, designer } = await signInApi(server.baseUrl, 'reception', 'officer', 'designer'));
    await deployThreeDepartments(designer, PROCEDURE);
    const realNow = clock.now;
    try {
      // A: received Tue 24/11 16:00, claimed Wed 08:30, approved 10:30: waiting 2 h, working 2 h, total 4 h
      await reviewed('2026-11-24T16:00:00', '2026-11-25T08:30:00', '2026-11-25T10:30:00');
      // B: received Fri 27/11 16:00, claimed 16:30, approved Mon 30/11 09:30: waiting 0.5 h, working 0.5 + 2 h, total 3 h
      await reviewed('2026-11-27T16:00:00', '2026-11-27T16:30:00', '2026-11-30T09:30:00');
      // S: received Mon 23/11 08:00, approved unclaimed at 10:00 (waiting 2 h, working 0, total 2 h): now at the signature
      codes.atSign = (await reviewed('2026-11-23T08:00:00', null, '2026-11-23T10:00:00', SMALL)).code;
      // F: received Mon 16/11 09:00, due Thu 19/11 09:00, still at review: overdue
      clock.now = at('2026-11-16T09:00:00');
      codes.overdue = (await DossierDriver.receive(reception, PROCEDURE, LARGE)).code;
    } finally {
      clock.now = realNow;
    }
    // G: received now, at review within its budget
    codes.fresh = (await DossierDriver.receive(reception, PROCEDURE, LARGE)).code;
    session = await openSession(browser, server.baseUrl);
    await signIn(session, 'giamsat');
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should show each step’s figures on the diagram and in the table, computed for the period', async () => {
    const { page } = session;
    // when the supervisor opens the heatmap from the reports' nav: the last 90 days by default
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Điểm nghẽn' }).click();
    await page.locator('#heatmap-procedure').waitFor();
    expect(await page.inputValue('#report-from')).to.equal(
      todayInVietnam(new Date(Date.now() - 89 * 86_400_000)),
    );
    expect(await page.inputValue('#report-to')).to.equal(todayInVietnam());
    // and chooses the procedure and November
    await page.selectOption('#heatmap-procedure', PROCEDURE);
    await page.fill('#report-from', '2026-11-01');
    await page.fill('#report-to', '2026-11-30');
    const review = stepRow('review');
    await expectText(review.locator('td').nth(7), '3');

    // then review: totals 2, 3, 4 h → median 3, p90 at rank 1.8: 3 + 0.8 × 1 = 3.8; waiting 0.5, 2, 2 →
    // median 2, p90 2; working 0, 2, 2.5 → median 2, p90 2 + 0.8 × 0.5 = 2.4; all three within 24 h;
    // F and G open, F overdue
    expect(await cells(review)).to.deep.equal([
      'Cao',
      '2',
      '1',
      '2 giờ / 2 giờ',
      '2 giờ / 2,4 giờ',
      '3,8 giờ',
      '100%',
      '3',
    ]);
    // the signature: S open there, none completed, no budget
    expect(await cells(stepRow('sign'))).to.deep.equal([
      'Trung bình',
      '1',
      '0',
      '– / –',
      '– / –',
      '–',
      '–',
      '0',
    ]);
    // and the overlays on the diagram say the same, the level in words
    expect(await overlay('review')).to.equal(
      'Mức Cao\nMở 2 · Quá hạn 1\nChờ nhận 2 giờ / 2 giờ\nXử lý 2 giờ / 2,4 giờ\nĐúng hạn 100%',
    );
    expect(await overlay('sign')).to.match(/^Mức Trung bình\nMở 1 · Quá hạn 0\n/);
    expect(await shapeClasses('review')).to.include('heat-3');
    expect(await shapeClasses('sign')).to.include('heat-2');
  });

  it('should colour by the measure chosen, with the legend in words', async () => {
    const { page } = session;
    // when the on-time share is chosen
    await page.selectOption('#heatmap-measure', 'onTimeShare');

    // then the review (100 % on time) is low, the signature (no due time) has none
    await expectText(stepRow('review').locator('td').first(), 'Thấp');
    expect(await stepRow('sign').locator('td').first().innerText()).to.equal('Không có');
    expect(await shapeClasses('review')).to.include('heat-1');
    expect(await shapeClasses('sign')).to.include('heat-0');
    expect(await page.locator('[data-testid=heatmap-legend]').innerText()).to.match(
      /Tỷ lệ đúng hạn[\s\S]*Không có[\s\S]*Thấp[\s\S]*Trung bình[\s\S]*Cao/,
    );
    // and overdue now: the review high, the signature none
    await page.selectOption('#heatmap-measure', 'overdueNow');
    await expectText(stepRow('review').locator('td').first(), 'Cao');
    expect(await stepRow('sign').locator('td').first().innerText()).to.equal('Không có');
  });

  it('should list the dossiers waiting at a step clicked on the diagram, or chosen with Enter in the table', async () => {
    const { page } = session;
    // when the review is clicked on the diagram
    await page.locator('[data-testid=heatmap-diagram] [data-element-id=review]').click();

    // then F (overdue) and G wait there, the longest-waiting first, in the pool
    const list = page.locator('[data-testid=heatmap-waiting]');
    await expectText(list.locator('h3'), 'Hồ sơ đang chờ ở bước “Thẩm định hồ sơ”: 2');
    expect(
      await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dossier'))),
    ).to.deep.equal([codes.overdue, codes.fresh]);
    expect(await list.locator(`tr[data-dossier="${codes.overdue}"]`).innerText()).to.match(
      /Quá hạn[\s\S]*Chưa có người nhận/,
    );
    expect(await stepRow('review').locator('button').getAttribute('aria-pressed')).to.equal('true');

    // when the signature's button is reached with the keyboard and Enter pressed
    await stepRow('sign').locator('button').focus();
    await page.keyboard.press('Enter');

    // then S is listed, and the diagram marks the signature as chosen
    await expectText(list.locator('h3'), 'Hồ sơ đang chờ ở bước “Lãnh đạo ký duyệt”: 1');
    expect(await list.locator('tbody tr').getAttribute('data-dossier')).to.equal(codes.atSign);
    expect(await shapeClasses('sign')).to.include('heat-selected');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'reports-04-heatmap');
  });

  it('should update the open count live when a task is created through the API', async () => {
    // given the review's open count on screen
    const open = stepRow('review').locator('td[data-col=open]');
    expect(await open.innerText()).to.equal('2');

    // when a dossier is received: its review opens
    await DossierDriver.receive(reception, PROCEDURE, LARGE);

    // then the table and the overlay count three without a reload, the period's figures unchanged
    await expectText(open, '3');
    expect(await overlay('review')).to.include('Mở 3 · Quá hạn 1');
    expect(await stepRow('review').locator('td').nth(5).innerText()).to.equal('3,8 giờ');
  });

  it('should have logged no console error', () => {
    expect(session.errors).to.deep.equal([]);
  });

  function stepRow(id: string): Locator {
    return session.page.locator(`[data-testid=heatmap-steps] tr[data-step="${id}"]`);
  }

  async function cells(row: Locator): Promise<string[]> {
    return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
  }

  function overlay(id: string): Promise<string> {
    return session.page.locator(`.heat-card[data-step="${id}"]`).innerText();
  }

  function shapeClasses(id: string): Promise<string> {
    return session.page
      .locator(`[data-testid=heatmap-diagram] .djs-element[data-element-id="${id}"]`)
      .first()
      .getAttribute('class')
      .then((c) => c ?? '');
  }

  /** Waits until the locator's text is `text` (the page updates on its own), then checks it. */
  async function expectText(locator: Locator, text: string): Promise<void> {
    await locator.filter({ hasText: text }).first().waitFor();
    expect((await locator.innerText()).trim()).to.equal(text);
  }

  /** A dossier received, its review claimed (or not) and approved at the times given. */
  async function reviewed(received: string, claimed: string | null, done: string, data = LARGE) {
    clock.now = at(received);
    const dossier = await DossierDriver.receive(reception, PROCEDURE, data);
    if (claimed) {
      clock.now = at(claimed);
      const res = await officer.post(`/api/tasks/${dossier.intake.nextTasks[0].id}/claim`, {});
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    }
    clock.now = at(done);
    await dossier.step(officer, 'review', 'approve');
    return dossier;
  }
});
