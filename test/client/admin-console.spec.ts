import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { CREATED_USER_PASSWORD } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_ADMIN_PASSWORD } from '../../server/src/core/config.js';
import { launchBrowser, openSession, screenshot, signIn, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

describe('web client: the admin console', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let admin: Session;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    admin = await openSession(browser, server.baseUrl);
    await signIn(admin, 'admin', DEMO_ADMIN_PASSWORD);
  });

  after(async () => {
    await admin?.close();
    await browser?.close();
    await server?.close();
  });

  it('should create a user by keyboard, word the password policy under the field, and give them a department they sign in with', async () => {
    // given the users screen, reached from the header's admin link
    const { page } = admin;
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.waitForURL('**/admin/users');
    expect(await seriousViolations(page)).to.deep.equal([]);
    // when the admin fills the new-user form by keyboard, with a password holding the username
    await press(page, '[data-testid=user-new]', 'Enter');
    await type(page, '#user-new-username', 'cv.moi');
    await type(page, '#user-new-fullName', 'Lê Văn Mới');
    await type(page, '#user-new-password', 'cv.moi-mat-khau-dai');
    await press(page, '.user-form input[value=officer]', 'Space');
    await page.keyboard.press('Enter');
    // then the policy's refusal sits under the password, in Vietnamese
    const passwordError = page.locator('#user-new-password-error');
    await passwordError.filter({ hasText: 'Mật khẩu không được chứa tên đăng nhập.' }).waitFor();
    expect(await page.locator('#user-new-password').getAttribute('aria-invalid')).to.equal('true');
    // when the password is fixed
    await page.fill('#user-new-password', '');
    await type(page, '#user-new-password', CREATED_USER_PASSWORD);
    await page.keyboard.press('Enter');
    // then the user is listed, with no department yet
    const row = page.locator('tr[data-user="cv.moi"]');
    await row.waitFor();
    expect(await row.innerText()).to.contain('Chuyên viên');
    // when the admin gives them a department
    await press(page, 'tr[data-user="cv.moi"] [data-action=edit]', 'Enter');
    await press(page, '.user-form [data-department=TCKH]', 'Space');
    await page.getByRole('button', { name: 'Lưu' }).press('Enter');
    await page.locator('tr[data-user="cv.moi"]', { hasText: 'Phòng Tài chính' }).waitFor();
    await screenshot(page, 'admin-users');
    // then they sign in and land in their inbox, in that department
    const officer = await openSession(browser, server.baseUrl);
    await signIn(officer, 'cv.moi', CREATED_USER_PASSWORD);
    expect(new URL(officer.page.url()).pathname).to.equal('/inbox');
    expect(await officer.page.locator('[data-testid=current-user]').innerText()).to.contain('Tài chính');
    // and when the admin deactivates them, after a confirmation, their session ends
    await press(page, 'tr[data-user="cv.moi"] [data-action=deactivate]', 'Enter');
    expect(await page.locator('dialog[open]').innerText()).to.contain('Khoá tài khoản cv.moi?');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.locator('tr[data-user="cv.moi"]', { hasText: 'Đã khoá' }).waitFor();
    await officer.page.reload();
    await officer.page.waitForURL('**/login**');
    await officer.close();
  });

  it('should show why a reset password is refused, under the field', async () => {
    // given
    const { page } = admin;
    await press(page, 'tr[data-user="giamsat"] [data-action=reset]', 'Enter');
    // when the admin submits a common password
    await page.keyboard.type('password1234');
    await page.keyboard.press('Enter');
    // then
    await page.locator('[data-testid=password-error]', { hasText: 'Mật khẩu này quá phổ biến' }).waitFor();
    // and filtering by text and department narrows the list
    await page.getByRole('button', { name: 'Huỷ' }).click();
    await page.selectOption('#users-department', 'TCKH');
    expect(
      await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.user)),
    ).to.deep.equal(['chuyenvien', 'cv.moi']);
    await type(page, '#users-q', 'moi');
    expect(await page.locator('tbody tr').count()).to.equal(1);
    // and the agency filter takes the agency's departments
    await page.fill('#users-q', '');
    await page.selectOption('#users-department', '');
    await page.selectOption('#users-agency', 'PGV');
    expect(
      await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.user)),
    ).to.deep.equal(['chuyenvien', 'lanhdao', 'tiepnhan']);
    await page.selectOption('#users-agency', '');
  });

  it('should walk the agency tree by keyboard, add a department to an agency and rename it', async () => {
    // given
    const { page } = admin;
    await page.getByRole('link', { name: 'Cơ quan, phòng ban' }).click();
    const tree = page.getByRole('tree');
    await tree.locator('[data-node="agency:QBD"]').waitFor();
    expect(await seriousViolations(page)).to.deep.equal([]);
    // when the admin arrows down to the district and selects it
    await tree.locator('[tabindex="0"]').focus();
    for (let i = 0; i < 20 && (await focusedNode(page)) !== 'agency:QBD'; i++)
      await page.keyboard.press('ArrowDown');
    expect(await focusedNode(page)).to.equal('agency:QBD');
    await page.keyboard.press('ArrowLeft');
    expect(await tree.locator('[data-node="agency:QBD"]').getAttribute('aria-expanded')).to.equal('false');
    expect(await tree.locator('[data-node="department:MC"]').count()).to.equal(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // then its panel opens
    await page.getByRole('heading', { name: 'Cơ quan: UBND quận Ba Đình (QBD)' }).waitFor();
    // when the admin adds a department there, and an agency whose code is taken
    await type(page, '#new-department-code', 'VHTT');
    await type(page, '#new-department-name', 'Phòng Văn hoá và Thông tin');
    await page.keyboard.press('Enter');
    await tree.locator('[data-node="department:VHTT"]').waitFor();
    await type(page, '#sub-agency-code', 'PGV');
    await type(page, '#sub-agency-name', 'Trùng mã');
    await page.keyboard.press('Enter');
    // then the refusal is worded in the form
    await page.getByRole('alert').filter({ hasText: 'Mã cơ quan đã tồn tại.' }).waitFor();
    // when the new department is renamed
    await tree.locator('[data-node="department:VHTT"]').focus();
    await page.keyboard.press('Enter');
    await page.fill('#rename-name', 'Phòng Văn hoá – Thể thao');
    await page.keyboard.press('Enter');
    // then the tree shows the new name
    await tree.locator('[data-node="department:VHTT"]', { hasText: 'Phòng Văn hoá – Thể thao' }).waitFor();
    expect(await page.inputValue('#rename-name')).to.equal('Phòng Văn hoá – Thể thao');
    expect(await seriousViolations(page)).to.deep.equal([]);
    await screenshot(page, 'admin-organisation');
  });

  it('should add a holiday after showing the server’s refusal under the field, and remove it after a confirmation', async () => {
    // given
    const { page } = admin;
    await page.getByRole('link', { name: 'Ngày nghỉ, ngày làm bù' }).click();
    await page.selectOption('#calendar-year', '2026');
    await page.locator('[data-testid=holidays] tr', { hasText: 'Tết Nguyên Đán' }).first().waitFor();
    expect(await seriousViolations(page)).to.deep.equal([]);
    // when the admin sends a range that ends before it starts
    await page.fill('#holiday-from', '2026-12-10');
    await page.fill('#holiday-to', '2026-12-09');
    await type(page, '#holiday-name', 'Nghỉ thử nghiệm');
    await page.keyboard.press('Enter');
    // then the server's 422 is shown under "to", in Vietnamese
    await page
      .locator('#holiday-to-error', { hasText: 'Ngày kết thúc không được trước ngày bắt đầu.' })
      .waitFor();
    // and a weekday refused as a compensatory working day, under its date
    await page.fill('#workday-date', '2026-12-09');
    await type(page, '#workday-name', 'Thứ Tư');
    await page.keyboard.press('Enter');
    await page.locator('#workday-date-error', { hasText: 'Ngày này đã là ngày làm việc' }).waitFor();
    // when the range is fixed
    await page.fill('#holiday-to', '2026-12-11');
    await press(page, '#holiday-name', 'Enter');
    // then it is listed
    const row = page.locator('[data-testid=holidays] tr[data-entry="Nghỉ thử nghiệm"]');
    await row.waitFor();
    await screenshot(page, 'admin-calendar');
    // when the admin removes it, first cancelling with Escape
    await press(page, 'tr[data-entry="Nghỉ thử nghiệm"] [data-action=remove]', 'Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    expect(await row.count()).to.equal(1);
    await press(page, 'tr[data-entry="Nghỉ thử nghiệm"] [data-action=remove]', 'Enter');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    // then it is gone
    await row.waitFor({ state: 'detached' });
  });

  it('should disable a procedure, after a confirmation, so the desk no longer offers it', async () => {
    // given
    const { page } = admin;
    await page.getByRole('link', { name: 'Thủ tục', exact: true }).click();
    const row = page.locator('tr[data-procedure="dang-ky-khai-sinh"]');
    await row.waitFor();
    expect(await row.innerText()).to.contain('Đang tiếp nhận');
    expect(await seriousViolations(page)).to.deep.equal([]);
    // when
    await press(page, 'tr[data-procedure="dang-ky-khai-sinh"] [data-action=disable]', 'Enter');
    await press(page, 'dialog[open] [data-testid=confirm-yes]', 'Enter');
    // then
    await row.filter({ hasText: 'Tạm ngừng' }).waitFor();
    await row.locator('summary').press('Enter');
    expect(await row.locator('details').innerText()).to.contain('hệ thống (danh mục thủ tục)');
    await screenshot(page, 'admin-procedures');
    // and the desk offers the other procedures but not this one
    const desk = await openSession(browser, server.baseUrl);
    await signIn(desk, 'tiepnhan');
    await desk.page.locator('[data-procedure="dang-ky-ho-kinh-doanh"]').waitFor();
    expect(await desk.page.locator('[data-procedure="dang-ky-khai-sinh"]').count()).to.equal(0);
    await desk.close();
  });
});

/** Focuses the element and presses a key there, as a keyboard user would after tabbing to it. */
async function press(page: Page, selector: string, key: string): Promise<void> {
  await page.locator(selector).press(key);
}

/** Focuses a field and types into it key by key. */
async function type(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

function focusedNode(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.node);
}
