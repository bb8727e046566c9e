import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now,
 * one line each (rule, help, where), so a failing assertion says what to fix. `include` limits
 * the run to those selectors (a screen's own part, inside a page others own).
 */
export async function seriousViolations(page: Page, include?: string | string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axe.source);
  const selectors = include === undefined ? null : [include].flat();
  const results = await page.evaluate(
    (selectors) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        selectors ? { include: selectors.map((s) => [s]) } : document,
        {
          resultTypes: ['violations'],
        },
      ),
    selectors,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
