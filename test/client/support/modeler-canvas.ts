import { expect } from 'chai';
import type { Page } from 'playwright-core';

/** How the modeler's browser specs drive the canvas (bpmn-js) and the properties panel. */
export const PANEL = '[data-testid=properties-panel]';
export const input = (id: string) => `${PANEL} #bio-properties-panel-${id}`;

export const shapes = (page: Page) =>
  page.locator('[data-testid=modeler-canvas] g.djs-shape:not([data-element-id$=_label])');
export const shapeNamed = (page: Page, name: string) =>
  shapes(page).filter({ has: page.locator('text', { hasText: name }) });
export const problems = (page: Page) =>
  page
    .locator('[data-testid=lint-problems] li')
    .evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('data-element-id') || '-'} ${li.getAttribute('data-message')}`),
    );

/** Drags a shape on the canvas by (dx, dy), as a designer does with the mouse. */
export async function move(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = (await page.locator(`g.djs-shape[data-element-id="${id}"]`).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

export async function openTab(page: Page, id: string): Promise<void> {
  await page.click(`[data-testid=tab-${id}]`);
  if (id === 'lint') await page.locator('[data-testid=lint-panel][aria-busy=false]').waitFor();
  if (id === 'properties') await page.locator(`${PANEL} .bio-properties-panel`).waitFor();
}

/** Opens a group of the panel unless it is open already (the panel remembers). */
export async function openGroup(page: Page, id: string): Promise<void> {
  const header = page.locator(`${PANEL} [data-group-id=group-${id}] > .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))!.split(' ').includes('open')) {
    await header.locator('.bio-properties-panel-group-header-title').click();
  }
  await page
    .locator(`${PANEL} [data-group-id=group-${id}] > .bio-properties-panel-group-header.open`)
    .waitFor();
}

export async function addItem(page: Page, group: string): Promise<void> {
  const items = page.locator(`${PANEL} [data-group-id=group-${group}] .bio-properties-panel-list-item`);
  const before = await items.count();
  await page.click(`${PANEL} [data-group-id=group-${group}] .bio-properties-panel-add-entry`);
  await items.nth(before).waitFor();
}

/** Clicks the canvas below the drawing, where no element is: the selection empties. */
export async function selectRoot(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=modeler-canvas]')!.getBoundingClientRect();
    const bottom = Math.max(
      ...[...document.querySelectorAll('.djs-shape')].map((s) => s.getBoundingClientRect().bottom),
    );
    return { x: canvas.left + canvas.width / 2, y: (bottom + canvas.bottom) / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await page.locator(`${PANEL} [data-group-id=group-motcua-procedure]`).waitFor();
}

/** Clicks an entry of the context pad of the selected element. */
export async function pad(page: Page, action: string): Promise<void> {
  await page.click(`.djs-context-pad .entry[data-action="${action}"]`);
}

/** Selects an element with a click; a click on the selected element would deselect it (diagram-js). */
export async function select(page: Page, id: string): Promise<void> {
  const selected = page.locator(`g.djs-shape.selected[data-element-id="${id}"]`);
  if (!(await selected.count()))
    await page.click(`[data-testid=modeler-canvas] g.djs-shape[data-element-id="${id}"]`);
  await selected.waitFor();
}

export async function selectedId(page: Page): Promise<string> {
  const ids = await page
    .locator('[data-testid=modeler-canvas] g.djs-element.selected')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')!));
  expect(ids).to.have.length(1);
  return ids[0]!;
}

/** Appends a task after `from` with the context pad, types its name, and makes it a user task with the replace key. */
export async function appendTask(page: Page, from: string, name: string): Promise<string> {
  await select(page, from);
  await pad(page, 'append.append-task');
  await page.locator('.djs-direct-editing-parent').waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  const id = await selectedId(page);
  await openReplaceMenu(page);
  await page.click('.djs-popup [data-id="replace-with-user-task"]');
  await page.locator('.djs-popup').waitFor({ state: 'detached' });
  // bpmn-js keeps the element's id through the replacement, and its name
  expect(await selectedId(page)).to.equal(id);
  expect(await shapeNamed(page, name).getAttribute('data-element-id')).to.equal(id);
  return id;
}

/**
 * Opens the replace menu of the selected element with its key, once the label editor has closed
 * and the canvas has the keyboard (diagram-js hears keys only while its SVG has the focus): a key
 * pressed while the editor is still closing on a loaded machine goes to the label instead.
 */
async function openReplaceMenu(page: Page): Promise<void> {
  await page.locator('.djs-direct-editing-parent').waitFor({ state: 'hidden' });
  const menu = page.locator('.djs-popup [data-id="replace-with-user-task"]');
  for (let attempt = 0; attempt < 5 && !(await menu.isVisible()); attempt++) {
    await page.locator('[data-testid=modeler-canvas] svg[tabindex]').first().focus();
    await page.keyboard.press('r');
    await menu.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
  await menu.waitFor();
}
