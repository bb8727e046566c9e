import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { clock } from '../../server/src/core/clock.js';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { intakeBody } from '../support/fixtures.js';
import { launchBrowser, openSession, screenshot, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => (clock.now = () => vn(local));

const PERMIT = 'cap-giay-phep-xay-dung';
const BUILDING = {
  constructionAddress: 'Số 8 ngõ 12 Đội Cấn, Ba Đình',
  parcelNumber: '118',
  mapSheetNumber: '21',
  landCertificateNumber: 'CS 04512',
  constructionArea: 60,
  totalFloorArea: 240,
  floors: 4,
  height: 14.5,
};

describe('web client: the citizen lookup shows the history of the dossier', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let reception: ApiClient;
  let officer: ApiClient;
  const sessions: Session[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    ({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'));
  });

  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<Session> {
    const s = await openSession(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    sessions.push(s);
    return s;
  }

  /** Receives a permit and completes its first step (at `assignedAt`, local time, if given); answers the intake. */
  async function assignedPermit(assignedAt?: string) {
    const intake = await reception.post('/api/dossiers', intakeBody(PERMIT, BUILDING));
    expect(intake.status, JSON.stringify(intake.body)).to.equal(201);
    const task = intake.body.nextTasks[0];
    if (assignedAt) at(assignedAt);
    const done = await officer.post(`/api/tasks/${task.id}/complete`, {
      data: { handlingOfficer: 'Trần Văn Minh' },
    });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    return intake.body as { code: string; lookupSecret: string; dueAt: string; nextTasks: { id: string }[] };
  }

  it('should be used by keyboard alone and show the steps, the supplement asked for and both promised dates', async () => {
    // given a permit received Tuesday 24/11/2026 09:00, assigned, extended, then paused for a supplement
    at('2026-11-24T09:00:00');
    const intake = await assignedPermit('2026-11-24T10:00:00');
    at('2026-11-25T09:00:00');
    const newDueAt = new Date(new Date(intake.dueAt).getTime() + 7 * 86_400_000).toISOString();
    const extended = await reception.post(`/api/dossiers/${intake.code}/extend`, {
      newDueAt,
      reason: 'Cần lấy ý kiến cơ quan quản lý di tích',
    });
    expect(extended.status, JSON.stringify(extended.body)).to.equal(200);
    at('2026-11-25T10:00:00');
    const paused = await officer.post(`/api/dossiers/${intake.code}/supplement-request`, {
      reasons: ['Thiếu bản vẽ mặt bằng tầng 1'],
      items: ['Bản vẽ mặt bằng tầng 1, tỷ lệ 1/100'],
    });
    expect(paused.status).to.equal(200);
    const { page, errors } = await phone();
    await page.goto('/lookup');

    // when the citizen types the code and secret and presses Enter, without a mouse
    await page.locator('#lookup-code').focus();
    await page.keyboard.type(intake.code);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('lookup-secret');
    await page.keyboard.type(intake.lookupSecret);
    await page.keyboard.press('Enter');

    // then the answer takes the focus, in Vietnamese
    const status = page.locator('[data-testid=lookup-status]');
    await status.waitFor();
    expect(await status.innerText()).to.equal('Yêu cầu bổ sung hồ sơ');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).to.equal(
      'lookup-status',
    );
    // and the steps in order, the open one still going on
    const steps = page.locator('[data-testid=lookup-steps] li');
    expect(await steps.count()).to.equal(2);
    expect(await steps.nth(0).innerText())
      .to.contain('Phân công thụ lý hồ sơ')
      .and.contain('Phòng Quản lý đô thị')
      .and.contain('Đã tiếp nhận');
    expect(await steps.nth(1).innerText())
      .to.contain('Kiểm tra hiện trạng, thẩm định hồ sơ')
      .and.contain('10:00 24/11/2026 – đang xử lý')
      .and.contain('Đang xử lý');
    // and why the supplement is needed, and what to bring
    const supplements = await page.locator('[data-testid=lookup-supplements]').innerText();
    expect(supplements)
      .to.contain('Thiếu bản vẽ mặt bằng tầng 1')
      .and.contain('Bản vẽ mặt bằng tầng 1, tỷ lệ 1/100')
      .and.contain('Đang chờ ông/bà bổ sung hồ sơ');
    // and the first promised date beside the new one, with the apology's reason
    const result = await page.locator('[data-testid=lookup-result]').innerText();
    expect(result).to.contain('Ngày hẹn trả ban đầu').and.contain('Ngày hẹn trả mới');
    expect(await page.locator('[data-testid=lookup-original-due]').innerText()).to.contain('15/12/2026');
    expect(await page.locator('[data-testid=lookup-due]').innerText()).to.contain('22/12/2026');
    expect(await page.locator('[data-testid=lookup-extensions]').innerText()).to.contain(
      'Cần lấy ý kiến cơ quan quản lý di tích',
    );
    expect(result).not.to.contain('Nguyễn Văn Bình').and.not.contain('Trần Văn Minh');
    expect(await seriousViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    await screenshot(page, 'lookup-history-supplement');
  });

  it('should say a refused dossier was refused, with the reason given', async () => {
    // given a permit the inspection refuses
    const intake = await assignedPermit();
    const inbox = await officer.get('/api/tasks?scope=department&pageSize=200');
    const inspect = inbox.body.items.find((t: any) => t.dossier.code === intake.code);
    expect(inspect.elementId).to.equal('Task_inspect');
    const refused = await officer.post(`/api/tasks/${inspect.id}/complete`, {
      outcome: 'refuse',
      reason: 'Công trình vi phạm chỉ giới xây dựng',
    });
    expect(refused.body.dossierStatus).to.equal(3);
    const { page, errors } = await phone();

    // when the citizen follows the receipt's QR link
    await page.goto(`/lookup?code=${intake.code}&secret=${intake.lookupSecret}`);

    // then
    const refusal = page.locator('[data-testid=lookup-refusal]');
    await refusal.waitFor();
    expect(await page.locator('[data-testid=lookup-status]').innerText()).to.equal('Từ chối tiếp nhận');
    expect(await refusal.innerText())
      .to.contain('Hồ sơ bị từ chối lúc')
      .and.contain('Lý do: Công trình vi phạm chỉ giới xây dựng');
    expect(await page.locator('[data-testid=lookup-steps] li').count()).to.equal(2);
    expect(await seriousViolations(page)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    await screenshot(page, 'lookup-history-refused');
  });
});
