/**
 * The few things the core journeys do in a browser, said once, so that the same journey runs in
 * Firefox ESR (puppeteer-core over WebDriver BiDi) and in Chromium (playwright-core). Elements
 * are found by CSS selector, optionally narrowed to the one whose accessible text is `name`
 * (aria-label, else the trimmed text), as a person names a button.
 */
export type BrowserName = 'firefox' | 'chromium';

export interface Target {
  selector: string;
  /** The element's aria-label or trimmed text, exactly. */
  name?: string;
}

export interface BrowserPage {
  readonly browser: BrowserName;
  /** Console errors and warnings and uncaught exceptions, from the page's first request on. */
  readonly problems: string[];
  goto(path: string): Promise<void>;
  /** Waits until the target is in the page (vi.waitFor's timeout). */
  waitFor(target: Target | string): Promise<void>;
  /** Clicks the target's middle, or `offset` from its top left corner. */
  click(target: Target | string, offset?: { x: number; y: number }): Promise<void>;
  /** Replaces the value of an input or textarea. */
  fill(selector: string, value: string): Promise<void>;
  /** Types into whatever has the focus, key by key. */
  type(text: string): Promise<void>;
  /** One key or a chord such as 'Control+Alt+M'. */
  press(keys: string): Promise<void>;
  count(target: Target | string): Promise<number>;
  /** The rendered text (innerText) of every element the selector matches. */
  texts(selector: string): Promise<string[]>;
  attribute(selector: string, name: string): Promise<string | null>;
  value(selector: string): Promise<string>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A GET with the page's cookies, as the page's own code would do it. */
  get(path: string): Promise<{ status: number; text: string }>;
  screenshot(path: `${string}.png`): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  readonly name: BrowserName;
  /** A page in a browser context of its own (its own cookies), 1280 × 900, German. */
  newPage(baseUrl: string): Promise<BrowserPage>;
  close(): Promise<void>;
}

export const asTarget = (target: Target | string): Target => (typeof target === 'string' ? { selector: target } : target);

/** Runs in the page: the indexes of the elements that match the target, in document order. */
export function matchingIndexes({ selector, name }: Target): number[] {
  const indexes: number[] = [];
  document.querySelectorAll(selector).forEach((element, index) => {
    const label = element.getAttribute('aria-label') ?? (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (name === undefined || label === name) indexes.push(index);
  });
  return indexes;
}

/** Runs in the page: a GET with the session cookie. */
export async function getInPage(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  return { status: response.status, text: await response.text() };
}

/** 'Control+Alt+M' → ['Control', 'Alt'] and 'M'. */
export function splitChord(keys: string): { modifiers: string[]; key: string } {
  const parts = keys.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`no key in ${keys}`);
  return { modifiers: parts, key };
}
