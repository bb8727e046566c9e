import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  launchBrowser,
  openSession,
  samplePdf,
  screenshot,
  signIn,
  type Session,
} from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { clock } from '../../server/src/core/clock.js';
import { signIn as signInApi } from '../support/sign-in.js';
import { HOUSEHOLD_BUSINESS } from '../support/fixtures.js';
import { DossierDriver } from '../support/dossier-driver.js';

// A Wednesday morning, so the preview and the intake fall in the same minute of working time.
const DESK_TIME = new Date('2026-12-02T09:15:00+07:00');
const ORIGINAL = 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực';

/** Types into the field as a person would: focus it, then keys. */
async function typeInto(page: Page, selector: string, text: string) {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('web client: what the desk shows and collects before and at intake', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let desk: Session;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    clock.now = () => new Date(DESK_TIME);
    if (!desk) {
      desk = await openSession(browser, server.baseUrl);
      await signIn(desk, 'tiepnhan');
    }
  });

  after(async () => {
    await desk?.close();
    await browser?.close();
    await server?.close();
  });

  it('should receive at the ward desk with the date previewed, the fee collected and the scan linked, by keyboard', async () => {
    // given the receptionist of two desks at the reception page
    const page = desk.page;
    await page.goto('/reception');
    const deskSelect = page.locator('#desk');
    expect(await deskSelect.inputValue()).to.equal('MC');

    // when they choose the ward desk and a same-day procedure with the keyboard
    await deskSelect.focus();
    await page.keyboard.press('ArrowDown');
    expect(await deskSelect.inputValue()).to.equal('PGV-MC');
    await typeInto(page, 'input[name=procedure-search]', 'chung thuc');
    await page.keyboard.press('Enter');

    // then the promised date is previewed before anything is typed: two working hours from 09:15
    const preview = page.locator('[data-testid=promised-preview] strong');
    await preview.waitFor();
    const previewed = (await preview.innerText()).replace('Ngày hẹn trả dự kiến: ', '');
    expect(previewed).to.equal('11:15 02/12/2026');

    // when they fill the dossier, tick the original, link the scan to it and collect the fee
    await typeInto(page, '#data-documentName', 'Bằng tốt nghiệp đại học');
    await typeInto(page, '#data-issuingAuthority', 'Trường Đại học Bách khoa Hà Nội');
    await typeInto(page, '#data-pageCount', '3');
    await typeInto(page, '#data-copyCount', '2');
    await typeInto(page, '#applicant-fullName', 'Lê Thị Hoa');
    await typeInto(page, '#applicant-idNumber', '001190054321');
    await page.locator('tr[data-document="0"] input[type=checkbox]').focus();
    await page.keyboard.press('Space');
    await page.setInputFiles('input[name=attachments]', {
      name: 'ban-chinh.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await page.focus('[data-testid=file-document-0]');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-testid=file-document-0]').inputValue()).to.equal(ORIGINAL);
    await typeInto(page, 'tr[data-fee="0"] input[type=number]', '6000');
    await page.locator('tr[data-fee="0"] input[type=checkbox]').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('[data-testid=fees-total]').innerText()).to.equal('Tổng đã thu: 6.000 đồng');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '40-reception-desk-fees-scans-preview');
    await page.locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');

    // then the dossier is the ward's, and its receipt carries the previewed date, the fee and the scan
    const received = page.locator('[data-testid=received-code]');
    await received.waitFor();
    const code = await received.innerText();
    expect(code).to.match(/^PGV-\d{6}-\d{4}$/);
    await page.locator('[data-testid=print-receipt]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=receipt-fees]').waitFor();
    expect(await page.locator('[data-testid=receipt-due]').innerText()).to.equal(previewed);
    expect(await page.locator('[data-testid=receipt-fees]').innerText()).to.contain(
      'Phí chứng thực bản sao từ bản chính: 6.000 đồng – đã thu',
    );
    expect(await page.locator('[data-testid=receipt-fees-total]').innerText()).to.equal(
      'Tổng số tiền đã thu: 6.000 đồng',
    );
    expect(await page.locator('[data-testid=receipt-scans]').innerText()).to.equal(
      `${ORIGINAL}: ban-chinh.pdf`,
    );
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '41-receipt-fees-scans');

    // and the dossier's file list says which paper the scan is
    await page.goto(`/dossiers/${code}`);
    await page.locator('[data-testid=attachment-document]').waitFor();
    expect(await page.locator('[data-testid=attachment-document]').innerText()).to.contain(ORIGINAL);
  });

  it('should record by keyboard that the result went by post, asking for the tracking number first', async () => {
    // given a household business registration signed and waiting at the desk
    const { reception, officer, leader } = await signInApi(server.baseUrl, 'reception', 'officer', 'leader');
    const dossier = await DossierDriver.receive(reception, 'dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS);
    await dossier.step(officer, 'Task_review', 'approve');
    await dossier.step(leader, 'Task_sign', 'sign', { certificateNumber: '01A8001234' });
    const taskId = (await dossier.detail()).openTasks[0].id;
    const page = desk.page;
    await page.goto(`/tasks/${dossier.code}/${taskId}`);
    await page.locator('[data-action=claim]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-action=unclaim]').waitFor();

    // when the receptionist picks the post, and returns the result without a tracking number
    await page.locator('input[name=handover-method][value=in_person]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#handover-tracking').waitFor();
    await page.locator('[data-outcome=""]').focus();
    await page.keyboard.press('Enter');

    // then the step stays open and the field says what is missing
    await page.locator('[data-testid=result-handover] .field.invalid').waitFor();
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '43-result-handover-missing-tracking');

    // when the number is typed and the result returned again
    await typeInto(page, '#handover-tracking', 'EA123456789VN');
    await page.locator('[data-outcome=""]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=completion]').waitFor();

    // then the dossier page says how it went
    await page.goto(`/dossiers/${dossier.code}`);
    const summary = page.locator('[data-testid=handover-summary]').first();
    await summary.waitFor();
    expect(await summary.innerText()).to.contain('Gửi qua bưu chính, số hiệu EA123456789VN');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '44-dossier-handover');
  });

  it('should remember the desk chosen, and preview again for the desk chosen next', async () => {
    // given the page opened again in the same browser
    const page = desk.page;
    await page.goto('/reception');
    const deskSelect = page.locator('#desk');
    await deskSelect.waitFor();

    // then the desk chosen last time is the one chosen
    expect(await deskSelect.inputValue()).to.equal('PGV-MC');

    // when a procedure is picked and the desk changed back with the keyboard
    await typeInto(page, 'input[name=procedure-search]', 'ho kinh doanh');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=promised-preview] strong').waitFor();
    const asked = page.waitForResponse(
      (res) => res.url().includes('/api/receipts/promised-date') && res.url().includes('departmentCode=MC'),
    );
    await deskSelect.focus();
    await page.keyboard.press('ArrowUp');

    // then the preview is asked for that desk
    const answer = await asked;
    expect(answer.status()).to.equal(200);
    expect((await answer.json()).agencyCode).to.equal('QBD');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, '42-reception-desk-changed');
  });
});
