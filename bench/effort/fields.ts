import type { Page } from 'playwright-core';

/** The ids of the generated fields `#<prefix><name>` inside `container`, in the order a person meets them. */
export function fieldIds(page: Page, container: string, prefix: string): Promise<string[]> {
  return page
    .locator(`${container} :is(input, select, textarea)[id^="${prefix}"]`)
    .evaluateAll((els) => els.map((el) => el.id));
}
