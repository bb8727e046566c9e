import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';

/**
 * dang-ky-ho-kinh-doanh (legal duration 3 working days): review 1.5d → sign 1d → return 0.5d is
 * 24 working hours, exactly the legal duration; a refusal after review is 12. Sign may send the
 * dossier back to review, a loop no path takes.
 */
const CODE = 'dang-ky-ho-kinh-doanh';
const LONGEST = [
  'Start_received',
  'Flow_to_review',
  'Task_review',
  'Flow_review_done',
  'Gateway_review',
  'Flow_approve',
  'Task_sign',
  'Flow_sign_done',
  'Gateway_sign',
  'Flow_signed',
  'Task_return',
  'Flow_done',
  'End_returned',
];
const LONGEST_MARKER = 'mc-deadline-longest';
const OVER_MARKER = 'mc-deadline-over';
const LATE_MARKER = 'mc-deadline-late';

/** The ids of the canvas elements that carry `marker` now. */
function marked(page: Page, marker: string): Promise<string[]> {
  return page
    .locator(`[data-testid=modeler-canvas] .djs-element.${marker}`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')!).sort());
}

async function pathsShown(
  page: Page,
): Promise<{ hours: string; longest: string; sum: string; verdict: string }[]> {
  return page.locator('[data-testid=deadline-path]').evaluateAll((items) =>
    items.map((li) => ({
      hours: li.getAttribute('data-hours')!,
      longest: li.getAttribute('data-longest')!,
      sum: li.querySelector('[data-testid=deadline-path-sum]')!.textContent!.trim(),
      verdict: li.querySelector('[data-testid=deadline-path-verdict]')!.textContent!.trim(),
    })),
  );
}

describe('modeler: deadlines while drawing, and token simulation', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: Browser;
  let session: Session;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    session = await openSession(browser, server.baseUrl);
    await signIn(session, 'thietke');
    page = session.page;
  });

  after(async () => {
    await session?.close();
    await browser?.close();
    await server?.close();
  });

  it('should list every path with its summed budget and mark the longest on the canvas', async () => {
    // given the designer on a catalogue procedure
    await page.goto(`/modeler/${CODE}`);
    await page.locator('[data-element-id=Task_review]').waitFor();

    // when they open the "Thời hạn" tab
    await page.getByRole('tab', { name: 'Thời hạn' }).click();
    await page.locator('[data-testid=deadline-path]').first().waitFor();

    // then the legal duration and both paths are shown, the longest first and exactly on time
    expect(await page.locator('[data-testid=deadline-limit]').innerText()).to.equal(
      '24 giờ làm việc (3 ngày)',
    );
    expect(await page.locator('[data-testid=deadline-path-count]').innerText()).to.equal('2 đường');
    expect(await pathsShown(page)).to.deep.equal([
      { hours: '24', longest: 'true', sum: '24 giờ làm việc (3 ngày)', verdict: 'Còn dư 0 giờ' },
      { hours: '12', longest: 'false', sum: '12 giờ làm việc (1,5 ngày)', verdict: 'Còn dư 12 giờ' },
    ]);
    expect(
      await page.locator('[data-testid=deadline-path]').first().locator('.steps li').allInnerTexts(),
    ).to.deep.equal([
      'Thẩm định hồ sơ: 12 giờ',
      'Ký Giấy chứng nhận đăng ký hộ kinh doanh: 8 giờ',
      'Trả kết quả cho công dân: 4 giờ',
    ]);
    // and the longest path's nodes and flows carry the marker, nothing else does, and no step is over
    expect(await marked(page, LONGEST_MARKER)).to.deep.equal([...LONGEST].sort());
    expect(await marked(page, OVER_MARKER)).to.deep.equal([]);
    expect(await marked(page, LATE_MARKER)).to.deep.equal([]);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '60-modeler-deadlines');
  });

  it('should take the highlight off and back with the toggle', async () => {
    // when the designer unticks the highlight
    const toggle = page.getByLabel('Tô sáng đường dài nhất trên sơ đồ');
    await toggle.uncheck();
    // then no element is marked; ticked again, the path is
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=modeler-canvas] .mc-deadline-longest'),
    );
    await toggle.check();
    await page.locator(`[data-element-id=Task_sign].${LONGEST_MARKER}`).waitFor();
    expect(await marked(page, LONGEST_MARKER)).to.deep.equal([...LONGEST].sort());
  });

  it('should mark the steps over budget when the legal duration is lowered', async () => {
    // when the legal duration becomes 1 working day (8 hours)
    await page.locator('#panel-deadlines').getByLabel('Số lượng').fill('1');
    await page.locator('#panel-deadlines').getByLabel('Số lượng').press('Tab');

    // then review (12h) alone exceeds it, and every step is on a path that does
    await page.locator(`[data-element-id=Task_review].${OVER_MARKER}`).waitFor();
    expect(await marked(page, OVER_MARKER)).to.deep.equal(['Task_review']);
    expect(await marked(page, LATE_MARKER)).to.deep.equal(['Task_return', 'Task_review', 'Task_sign']);
    expect(await page.locator('[data-testid=deadline-over-steps] li').allInnerTexts()).to.deep.equal([
      'Thẩm định hồ sơ: 12 giờ',
    ]);
    expect((await pathsShown(page)).map((p) => p.verdict)).to.deep.equal(['Vượt 16 giờ', 'Vượt 4 giờ']);

    // when the unit becomes working hours (1 hour)
    await page.locator('#panel-deadlines').getByLabel('Đơn vị').selectOption('hours');

    // then every step alone exceeds it
    await page.locator(`[data-element-id=Task_return].${OVER_MARKER}`).waitFor();
    expect(await marked(page, OVER_MARKER)).to.deep.equal(['Task_return', 'Task_review', 'Task_sign']);
    expect(await page.locator('[data-testid=deadline-limit]').innerText()).to.equal(
      '1 giờ làm việc (0,13 ngày)',
    );
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '61-modeler-deadlines-over');
  });

  it('should toggle token simulation from the toolbar button and from the library\'s "t" key', async () => {
    // given the editor out of simulation
    const button = page.getByRole('button', { name: 'Chạy thử' });
    expect(await button.getAttribute('aria-pressed')).to.equal('false');
    expect(await page.locator('.bts-palette:not(.hidden)').count()).to.equal(0);

    // when the designer presses "Chạy thử"
    await button.click();

    // then the canvas is in simulation mode, with the library's palette and no modeling palette
    await page.locator('[data-testid=modeler-canvas] .bjs-container.simulation').waitFor();
    await page.locator('.bts-palette:not(.hidden)').waitFor();
    expect(await button.getAttribute('aria-pressed')).to.equal('true');
    expect(await page.locator('.djs-palette.hidden').count()).to.equal(1);
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '62-modeler-simulation');

    // when pressed again, it is back to modeling
    await button.click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=modeler-canvas] .bjs-container.simulation'),
    );
    expect(await button.getAttribute('aria-pressed')).to.equal('false');

    // when the library's own shortcut is used on the canvas, the button follows it
    await page.locator('[data-testid=modeler-canvas] .djs-container > svg').focus();
    await page.keyboard.press('t');
    await page.locator('[data-testid=modeler-canvas] .bjs-container.simulation').waitFor();
    expect(await button.getAttribute('aria-pressed')).to.equal('true');
    await button.press('Enter');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=modeler-canvas] .bjs-container.simulation'),
    );
  });

  it('should recompute the paths after the diagram changes', async () => {
    // given the two paths listed
    expect(await page.locator('[data-testid=deadline-path]').count()).to.equal(2);

    // when the designer deletes the refusal's end event on the canvas
    await page.locator('[data-element-id=End_refused]').click();
    await page.keyboard.press('Delete');

    // then only the way to the result is left
    await page.locator('[data-testid=deadline-path-count]', { hasText: '1 đường' }).waitFor();
    expect((await pathsShown(page)).map((p) => p.hours)).to.deep.equal(['24']);
    expect(session.errors).to.deep.equal([]);
  });
});
