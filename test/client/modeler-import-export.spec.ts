import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';
import { serverSpecFixtures } from '../support/lint-fixtures.js';
import { launchBrowser, openSession, signIn, streamToBuffer, type Session } from './support/browser.js';
import { seriousViolations } from './support/axe.js';

const CODE = 'cap-giay-phep-xay-dung';

describe('modeler: importing and exporting .bpmn files', function () {
  this.timeout(120_000);
  let server: TestServer;
  let browser: Browser;
  let designer: Session;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    browser = await launchBrowser();
    designer = await openSession(browser, server.baseUrl);
    await signIn(designer, 'thietke');
  });

  after(async () => {
    await designer?.close();
    await browser?.close();
    await server?.close();
  });

  it('should import a diagram, keep it when the next file cannot be read, and export it as <code>.bpmn', async () => {
    // given the editor with a diagram imported from a file
    const { page } = designer;
    await page.goto(`/modeler/${CODE}`);
    const input = page.getByLabel('Nhập tệp .bpmn');
    expect(await input.getAttribute('accept')).to.contain('.bpmn');
    const fixture = serverSpecFixtures().find((f) => f.name.endsWith('three-departments.bpmn'))!;
    await input.setInputFiles({
      name: 'ba-phong.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(fixture.bpmn),
    });
    await page.locator('[data-testid=import-status]', { hasText: 'ba-phong.bpmn' }).waitFor();
    const imported = await page
      .locator('.djs-element[data-element-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
    expect(imported).to.include('review');

    // when a file that is not BPMN is chosen
    await input.setInputFiles({
      name: 'ghi-chu.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from('<not-bpmn><oops></not-bpmn>'),
    });

    // then a Vietnamese alert says so, and the diagram on the canvas is the one before
    const alert = page.getByRole('alert').filter({ hasText: 'ghi-chu.xml' });
    await alert.waitFor();
    expect(await alert.innerText()).to.contain('Không đọc được tệp ghi-chu.xml');
    expect(await alert.innerText()).to.contain('Sơ đồ đang mở được giữ nguyên');
    const after = await page
      .locator('.djs-element[data-element-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
    expect(after).to.deep.equal(imported);
    expect(await seriousViolations(page, ['[role=toolbar]'])).to.deep.equal([]);

    // when the designer exports, by keyboard
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất tệp .bpmn' }).focus();
    await page.keyboard.press('Enter');
    const file = await download;

    // then the file is named after the procedure and holds the diagram, indented
    expect(file.suggestedFilename()).to.equal(`${CODE}.bpmn`);
    const xml = (await streamToBuffer(await file.createReadStream())).toString('utf8');
    expect(xml).to.match(/^<\?xml/);
    expect(xml).to.contain('id="review"');
    expect(xml).to.match(/\n {2}<bpmn:/);
  });
});
