import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now,
 * one line each (rule, help, where), so a failing assertion says what to fix. With `within` (a
 * CSS selector), only that part of the page is checked: a feature's own panel on a shared page.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axe.source);
  const results = await page.evaluate((selector) => {
    const context = selector ? document.querySelector(selector)! : document;
    return (window as unknown as { axe: typeof axe }).axe.run(context, { resultTypes: ['violations'] });
  }, within ?? null);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
