import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.js';
import { SAVED, WMK } from '../e2e/harness.js';
import { launchChromiumDriver } from './chromium.js';
import type { BrowserDriver, BrowserName, BrowserPage } from './driver.js';
import { launchFirefox } from './firefox.js';

export { WMK };

/** Every journey runs in both: Firefox ESR, which many administrations use, and Chromium. */
export const BROWSERS: readonly BrowserName[] = ['firefox', 'chromium'];

const launch: Record<BrowserName, () => Promise<BrowserDriver>> = { firefox: launchFirefox, chromium: launchChromiumDriver };

const quietLog = { info: () => undefined, warn: () => undefined, error: (event: string, data: unknown) => console.error(event, data) };

/** The real server on port 0 with a fresh demo store, as tests/e2e/harness.ts starts it. */
async function startDemoServer(): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vereinbar-journeys-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seed: 'demo', staticDir: 'dist/client', log: quietLog });
  return {
    server,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new browser context signed in through the login form; its console is watched from then on. */
export async function signIn(driver: BrowserDriver, baseUrl: string, username: string): Promise<BrowserPage> {
  const page = await driver.newPage(baseUrl);
  await page.goto('/anmelden');
  await page.fill('#username', username);
  await page.fill('#password', 'demo');
  await page.click({ selector: 'button[type="submit"]', name: 'Anmelden' });
  // The list or, for the ministry, the board of the round („Zielvereinbarungen 2025“). A refusal
  // fails at once with its text. Checking the password takes scrypt's time: on a loaded machine more.
  await vi.waitFor(
    async () => {
      expect(await page.texts('.login .form-error')).toEqual([]);
      expect(await page.texts('main:not(.login) h1')).toEqual([expect.stringMatching(/^Zielvereinbarungen/)]);
    },
    { timeout: 30_000, interval: 100 },
  );
  return page;
}

/** Opens the agreement and waits until the body is synced and nothing is pending. */
export async function openAgreement(page: BrowserPage, id = WMK): Promise<void> {
  await page.goto(`/vereinbarungen/${id}`);
  await page.waitFor('.template-block[data-block="p4"]');
  await expectSaved(page);
}

export async function expectSaved(page: BrowserPage): Promise<void> {
  await vi.waitFor(async () => expect(await page.texts('.save-indicator')).toEqual([SAVED]), { timeout: 15_000, interval: 100 });
}

/** The print text as the server renders it from the stored document. */
export async function serverText(page: BrowserPage, id = WMK): Promise<string> {
  const response = await page.get(`/api/agreements/${id}/text`);
  expect(response.status).toBe(200);
  return response.text;
}

/** A project entry by the id of last year's entry it was carried over from (see tests/e2e/harness.ts). */
export const entrySelector = (id: string) => `.project-entry[data-entry-id="${id}"], .project-entry[data-carried-from="${id}"]`;

/** An entry's own text, without the name labels of other people's carets inside it. */
export function entryText(page: BrowserPage, id: string): Promise<string> {
  return entryTexts(page, entrySelector(id)).then((texts) => texts[0] ?? '');
}

/** The own text of every entry the selector matches, without other people's carets. */
export function entryTexts(page: BrowserPage, selector = '.project-entry'): Promise<string[]> {
  return page.evaluate(
    (entries) =>
      Array.from(document.querySelectorAll(entries), (element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return copy.textContent ?? '';
      }),
    selector,
  );
}

/** The caret at the end of an entry, once the browser's `selectionchange` has reached ProseMirror. */
export async function caretAtEnd(page: BrowserPage, id: string): Promise<void> {
  await page.click(entrySelector(id));
  await page.press('End');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))), null);
}

export interface Journey {
  page(username: string): BrowserPage;
  everyone(): BrowserPage[];
}

/**
 * Server and browser for one journey in one browser: before the first test each user signs in,
 * in a browser context of their own, with the agreement open and synced.
 */
export function journeyIn(browser: BrowserName, ...usernames: string[]): Journey {
  let server: Awaited<ReturnType<typeof startDemoServer>> | null = null;
  let driver: BrowserDriver | null = null;
  const pages = new Map<string, BrowserPage>();
  beforeAll(async () => {
    server = await startDemoServer();
    driver = await launch[browser]();
    for (const username of usernames) {
      const page = await signIn(driver, server.server.url, username);
      await openAgreement(page);
      pages.set(username, page);
    }
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });
  return {
    page(username) {
      const page = pages.get(username);
      if (!page) throw new Error(`${username} is not signed in in this journey`);
      return page;
    },
    everyone: () => [...pages.values()],
  };
}
