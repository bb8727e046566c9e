import type { Locator, Page } from 'playwright-core';

/** The scripted clerk's typing speed: 5 characters a second, one keystroke each. */
export const SECONDS_PER_KEYSTROKE = 0.2;
/** How far ahead a clerk reaches the next field with Tab rather than the mouse. */
const MAX_TABS = 3;

export interface Effort {
  clicks: number;
  keystrokes: number;
  /** Real waits for the UI: the wall time less the time the fast typing took. */
  waitSeconds: number;
  /** The scripted clerk's time: the waits plus every keystroke at 5 a second. */
  seconds: number;
}

/**
 * A clerk driven by a script, counting what a person would do: each click 1, each typed
 * character, Tab, arrow key or Enter 1 keystroke. Keys are sent at full speed and the time they
 * took is taken out of the wall time; each keystroke is then charged at 5 a second. So the
 * seconds are the UI's own waits plus typing time, with no mouse travel and no reading.
 */
export class ScriptedClerk {
  private clicks = 0;
  private keystrokes = 0;
  private typingMs = 0;
  private readonly started = performance.now();

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks++;
  }

  /** Puts the caret in the field `#id`: with Tab when it is a few stops ahead, else with a click. */
  async focus(id: string): Promise<void> {
    const { from, to, fromDate } = await this.page.evaluate(tabStops, id);
    if (to === -1) throw new Error(`no field #${id} on ${this.page.url()}`);
    if (from === to) return;
    const ahead = to - from;
    // Tab walks the segments of a date box (day, month, year) before it leaves it: the mouse is quicker.
    if (from !== -1 && !fromDate && ahead > 0 && ahead <= MAX_TABS) {
      for (let i = 0; i < ahead; i++) await this.press('Tab');
      const focused = await this.page.evaluate(() => document.activeElement?.id);
      if (focused !== id) throw new Error(`Tab reached #${focused}, not #${id}`);
      return;
    }
    await this.click(this.page.locator(`#${id}`));
  }

  /** Reaches the field `#id` (Tab or click), then keys its value in as a person would for its kind of control. */
  async enter(id: string, value: unknown): Promise<void> {
    await this.focus(id);
    const field = this.page.locator(`#${id}`);
    const kind = await field.evaluate((el) =>
      el.tagName === 'SELECT' ? 'select' : (el as HTMLInputElement).type,
    );
    if (kind === 'select') return this.choose(field, String(value));
    if (kind === 'date') {
      // A date box takes its digits segment by segment (dd mm yyyy in vi-VN), which a click may
      // enter mid-way: fill it, and count the eight digits a person types.
      await field.fill(String(value));
      this.keystrokes += String(value).replace(/\D/g, '').length;
      return;
    }
    await this.type(String(value));
  }

  async type(text: string): Promise<void> {
    await this.timed(() => this.page.keyboard.type(text));
    this.keystrokes += [...text].length;
  }

  async press(key: string): Promise<void> {
    await this.timed(() => this.page.keyboard.press(key));
    this.keystrokes++;
  }

  effort(): Effort {
    const waitSeconds = (performance.now() - this.started - this.typingMs) / 1000;
    return {
      clicks: this.clicks,
      keystrokes: this.keystrokes,
      waitSeconds: round(waitSeconds),
      seconds: round(waitSeconds + this.keystrokes * SECONDS_PER_KEYSTROKE),
    };
  }

  /** A closed list answers arrow keys: as many presses as options between the current one and the wanted. */
  private async choose(field: Locator, value: string): Promise<void> {
    const { current, wanted } = await field.evaluate((el, v) => {
      const options = [...(el as HTMLSelectElement).options];
      return {
        current: (el as HTMLSelectElement).selectedIndex,
        wanted: options.findIndex((o) => o.value === v),
      };
    }, value);
    if (wanted === -1) throw new Error(`no option "${value}"`);
    const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(wanted - current); i++) await this.press(key);
    const chosen = await field.inputValue();
    if (chosen !== value) throw new Error(`the list shows "${chosen}", not "${value}"`);
  }

  private async timed(fn: () => Promise<void>): Promise<void> {
    const start = performance.now();
    await fn();
    this.typingMs += performance.now() - start;
  }
}

/** Runs in the page: where the focus is and where `#id` is among the tab stops, in tab order. */
function tabStops(id: string): { from: number; to: number; fromDate: boolean } {
  const stops = [
    ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
  ].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLInputElement).disabled &&
      (el as HTMLInputElement).type !== 'hidden' &&
      el.getClientRects().length > 0,
  );
  return {
    from: stops.indexOf(document.activeElement as HTMLElement),
    to: stops.findIndex((el) => el.id === id),
    fromDate: (document.activeElement as HTMLInputElement | null)?.type === 'date',
  };
}

function round(n: number): number {
  return Number(n.toFixed(2));
}
