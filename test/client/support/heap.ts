import type { CDPSession, Page } from 'playwright-core';

/** A DevTools session on `page` that can force garbage collection and read the JS heap. */
export async function heapProbe(page: Page): Promise<{ afterGc(): Promise<number> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return {
    /** The page's live JS heap after a full garbage collection, in bytes. */
    async afterGc() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize;
    },
  };
}

/**
 * Opens each of `codes` in turn from the designer's procedure list and goes back to the list,
 * answering the heap after each diagram has closed.
 */
export async function openAndCloseDiagrams(page: Page, codes: string[]): Promise<number[]> {
  const probe = await heapProbe(page);
  await page.goto('/modeler');
  await page.locator('[data-testid=modeler-procedures]').waitFor();
  const heaps: number[] = [];
  for (const code of codes) {
    await page.locator(`[data-procedure="${code}"] a`).first().click();
    await page.locator('[data-testid=modeler-canvas] .djs-element').first().waitFor();
    await page.getByRole('link', { name: 'Danh sách thủ tục' }).click();
    await page.locator('[data-testid=modeler-procedures]').waitFor();
    heaps.push(await probe.afterGc());
  }
  return heaps;
}
