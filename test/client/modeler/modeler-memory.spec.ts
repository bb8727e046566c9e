import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { CATALOGUE } from '../../support/catalogue-walk.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { launchBrowser, openSession, signIn, type Session } from '../support/browser.js';
import { openAndCloseDiagrams } from '../support/heap.js';

describe('modeler: opening and closing diagrams frees them', function () {
  this.timeout(240_000);
  let server: TestServer;
  let browser: Browser;
  let designer: Session;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    designer = await openSession(browser, server.baseUrl);
    await signIn(designer, 'thietke');
  });

  after(async () => {
    await designer?.close();
    await browser?.close();
    await server?.close();
  });

  it('should keep the heap flat over 20 diagrams opened and closed in turn', async () => {
    // given the designer's procedure list
    const codes = Array.from({ length: 20 }, (_, i) => CATALOGUE[i % CATALOGUE.length]!);

    // when 20 diagrams (the catalogue four times over) are opened from the list and closed by
    // going back, the heap measured after each closes
    const heaps = await openAndCloseDiagrams(designer.page, codes);

    // then the second ten cost no more than a fraction of one diagram's modeler each: nothing is
    // kept from a closed diagram (a leaked modeler holds its canvas, moddle tree and listeners)
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    console.log(
      `      heap after GC: diagram 1 ${mb(heaps[0]!)} MB, 10 ${mb(heaps[9]!)} MB, 20 ${mb(heaps[19]!)} MB`,
    );
    expect(heaps[19]! - heaps[9]!).to.be.below(2 * 1024 * 1024);
  });

  it('should have logged no console error', () => {
    expect(designer.errors).to.deep.equal([]);
  });
});
