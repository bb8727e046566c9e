import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  decodeQr,
  launchBrowser,
  openSession,
  samplePdf,
  screenshot,
  signIn,
  streamToBuffer,
  type Session,
} from './support/browser.js';

/** The row of a dossier's task in the inbox. */
const row = (page: Page, code: string) => page.locator(`tr[data-dossier="${code}"]`);

describe('web client: a dossier from the desk to the citizen', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  const sessions: Session[] = [];
  let code = '';
  let secret = '';
  let lookupUrl = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await browser?.close();
    await server?.close();
  });

  async function session(username: string | null, options = {}): Promise<Session> {
    const s = await openSession(browser, server.baseUrl, options);
    sessions.push(s);
    if (username) await signIn(s, username);
    return s;
  }

  it('should receive a dossier at the desk and print a receipt whose QR code opens its lookup', async () => {
    // given the officer of the first department watching the inbox, and the receptionist at the desk
    const officer = await session('chuyenvien');
    await officer.page.goto('/inbox');
    await officer.page.locator('[data-testid=live-status][data-connected=true]').waitFor();
    const desk = await session('tiepnhan');
    const page = desk.page;
    expect(new URL(page.url()).pathname).to.equal('/reception');
    expect(await page.locator('[data-testid=current-user]').innerText()).to.contain(
      'Bộ phận Tiếp nhận và Trả kết quả',
    );
    await page.fill('input[name=procedure-search]', 'ho kinh doanh');
    await screenshot(page, '01-reception-procedure-picker');

    // when the receptionist fills the generated form and receives the dossier
    await page.click('[data-procedure="dang-ky-ho-kinh-doanh"]');
    expect(await page.locator('label[for=data-businessName]').innerText()).to.contain('Tên hộ kinh doanh');
    await page.fill('#data-businessName', 'Tạp hoá Bình An');
    await page.fill('#data-businessAddress', '12 Kim Mã, Ba Đình, Hà Nội');
    await page.fill('#data-businessLines', 'Bán lẻ hàng tạp hoá');
    await page.fill('#data-capital', '50000000');
    await page.fill('#applicant-fullName', 'Nguyễn Văn Bình');
    await page.fill('#applicant-idNumber', '001099012345');
    await page.fill('#applicant-phone', '0912345678');
    // the checklist comes from procedure.json; the receptionist ticks the paper handed in
    const requestForm = page.locator('tr[data-document]', {
      has: page.locator('input[name=document-name][value="Giấy đề nghị đăng ký hộ kinh doanh"]'),
    });
    await requestForm.locator('input[type=checkbox]').check();
    await page.setInputFiles('input[name=attachments]', {
      name: 'giay-de-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await page.check('input[name=notify-sms]');
    await screenshot(page, '02-reception-form');
    await page.click('button[type=submit]');

    // then it shows the code, the promised date and the lookup secret
    await page.locator('[data-testid=received]').waitFor();
    code = await page.locator('[data-testid=received-code]').innerText();
    secret = await page.locator('[data-testid=received-secret]').innerText();
    expect(code).to.match(/^QBD-\d{6}-\d{4}$/);
    expect(secret).to.match(/^[A-Z2-9]{10}$/);
    expect(await page.locator('[data-testid=received-due]').innerText()).to.match(/\d/);
    await screenshot(page, '03-reception-received');

    // and the receipt page carries a QR code of the citizen lookup URL
    await page.click('[data-testid=print-receipt]');
    const qr = page.locator('img[data-testid=receipt-qr]');
    await qr.waitFor();
    lookupUrl = `${server.baseUrl}/lookup?code=${code}&secret=${secret}`;
    const dataUrl = (await qr.getAttribute('src'))!;
    expect(decodeQr(Buffer.from(dataUrl.split(',')[1]!, 'base64'))).to.equal(lookupUrl);
    expect(decodeQr(await qr.screenshot())).to.equal(lookupUrl);
    expect(await page.locator('[data-testid=receipt-procedure]').innerText()).to.equal(
      'Đăng ký thành lập hộ kinh doanh',
    );
    expect(await page.locator('[data-testid=receipt]').innerText()).to.contain(
      'Giấy đề nghị đăng ký hộ kinh doanh',
    );
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '04-receipt-print');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-pdf]'),
    ]);
    const pdf = await streamToBuffer(await download.createReadStream());
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(pdf.toString('latin1')).to.contain('DejaVuSans');
  });

  it('should show the new task live in the first department, which claims and completes it', async () => {
    // given the officer's inbox, opened before the dossier existed and never reloaded
    const officer = sessions[0]!.page;
    const task = row(officer, code);

    // when the task arrives
    await task.waitFor({ timeout: 10_000 });
    expect(await task.locator('.badge.new').count()).to.equal(1);
    await screenshot(officer, '05-inbox-live');
    await task.locator('[data-action=claim]').click();
    await task.locator('[data-action=unclaim]').waitFor();
    await task.locator('[data-action=open]').click();

    // then the task view offers the step's field and outcomes, and says where the dossier went
    await officer.locator('[data-testid=task-actions]').waitFor();
    expect(await officer.locator('[data-testid=dossier-data]').innerText()).to.contain('Tạp hoá Bình An');
    await officer.fill('#step-reviewNote', 'Hồ sơ đủ điều kiện');
    await screenshot(officer, '06-task-view');
    await officer.click('[data-outcome=approve]');
    const next = officer.locator('[data-testid=next-step]');
    await next.waitFor();
    expect(await next.innerText())
      .to.contain('Ký Giấy chứng nhận đăng ký hộ kinh doanh')
      .and.contain('Lãnh đạo UBND');
    await screenshot(officer, '07-task-completed');
  });

  it('should show the task to the next department, whose leader signs it', async () => {
    const leader = (await session('lanhdao')).page;
    expect(new URL(leader.url()).pathname).to.equal('/inbox');
    const task = row(leader, code);
    await task.waitFor();
    await task.locator('[data-action=claim]').click();
    await task.locator('[data-action=unclaim]').waitFor();
    await task.locator('[data-action=open]').click();
    // a number longer than the form allows is stopped in the browser (the served validator module), worded in Vietnamese
    await leader.fill('#step-certificateNumber', '0'.repeat(51));
    await leader.click('[data-outcome=sign]');
    const tooLong = leader.locator('[data-field="certificateNumber"] .error');
    await tooLong.waitFor();
    expect(await tooLong.innerText()).to.equal('Không được dài quá 50 ký tự');
    expect(await leader.locator('[data-testid=next-step]').count()).to.equal(0);
    await leader.fill('#step-certificateNumber', '01A8012345');
    await leader.click('[data-outcome=sign]');
    expect(await leader.locator('[data-testid=next-step]').innerText()).to.contain(
      'Trả kết quả cho công dân',
    );
  });

  it('should tell the citizen the result is ready, and returned once the desk hands it over', async () => {
    // given a citizen on a phone following the receipt's QR code
    const citizen = (await session(null, { viewport: { width: 390, height: 844 }, isMobile: true })).page;
    await citizen.goto(lookupUrl);
    const status = citizen.locator('[data-testid=lookup-status]');
    await status.waitFor();
    expect(await status.innerText()).to.equal('Đã có kết quả, chờ trả');
    await screenshot(citizen, '08-lookup-mobile-ready');

    // when the receptionist returns the result from the dossier view
    const desk = sessions[1]!.page;
    await desk.goto(`/dossiers/${code}`);
    await desk.locator('[data-testid=bpmn-diagram] .djs-element.mc-active').first().waitFor();
    expect(
      await desk.locator('[data-testid=bpmn-diagram] [data-element-id=Task_return].mc-active').count(),
    ).to.equal(1);
    expect(
      await desk.locator('[data-testid=bpmn-diagram] [data-element-id=Task_review].mc-done').count(),
    ).to.equal(1);
    expect(await desk.locator('[data-testid=timeline] li').count()).to.equal(3);
    await screenshot(desk, '09-dossier-view');
    await desk.click('[data-action=return-result]');
    // the step's page asks how it is handed over: to the applicant in person, as it is filled in
    await desk.locator('[data-testid=result-handover]').waitFor();
    expect(await desk.inputValue('#handover-name')).to.equal('Nguyễn Văn Bình');
    expect(await desk.inputValue('#handover-id')).to.equal('001099012345');
    await screenshot(desk, '09b-result-handover');
    await desk.click('[data-outcome=""]');
    await desk.locator('[data-testid=completion]').waitFor();
    await desk.goto(`/dossiers/${code}`);
    await desk.locator('[data-testid=dossier-status][data-status="10"]').waitFor();
    expect(await desk.locator('[data-testid=handover-summary]').first().innerText()).to.contain(
      'Trả trực tiếp cho người nộp hồ sơ: Nguyễn Văn Bình (001099012345)',
    );

    // then the lookup says the result was returned
    await citizen.reload();
    await status.waitFor();
    expect(await status.innerText()).to.equal('Đã trả kết quả');
    await screenshot(citizen, '10-lookup-mobile-returned');
  });

  it('should have logged no console error in any browser', () => {
    expect(sessions.flatMap((s) => s.errors)).to.deep.equal([]);
  });
});
