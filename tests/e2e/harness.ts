import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.js';
import { launchChromium } from './browser.js';

/** The demo's Werra-Meißner draft, which the tests edit, comment on and sign (the 2025 round). */
export const WMK = 'aqb-2025-werra-meissner-kreis';
/** The published 2024 agreement, in the demo as signed on paper. */
export const WMK_2024 = 'aqb-2024-werra-meissner-kreis';
export const SAVED = 'Alle Änderungen gespeichert';

/** The real server on port 0 with a fresh store, and one Chromium; both per test file. */
export interface E2E {
  readonly server: RunningServer;
  browser: Browser;
  /** Stops the server (sockets close with 1001): the browsers are offline until `startServer`. */
  stopServer(): Promise<void>;
  /** Starts the server again on the same port with the same store. */
  startServer(): Promise<void>;
  close(): Promise<void>;
}

const quietLog = { info: () => undefined, warn: () => undefined, error: (event: string, data: unknown) => console.error(event, data) };

export async function startE2E(): Promise<E2E> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vereinbar-e2e-'));
  const launch = (port: number) => startServer({ port, host: '127.0.0.1', dataDir, seed: 'demo', staticDir: 'dist/client', log: quietLog });
  let server = await launch(0);
  let running = true;
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    get server() {
      return server;
    },
    browser,
    async stopServer() {
      await server.close();
      running = false;
    },
    async startServer() {
      server = await launch(server.port);
      running = true;
    },
    async close() {
      await browser.close();
      if (running) await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors; a test may assert there are none. */
  errors: string[];
}

/** A new browser context (its own cookies) signed in through the login form. */
export async function signIn(e2e: E2E, username: string): Promise<Session> {
  const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/anmelden');
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill('demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
  // The anonymous session check before the login answers 401 by design; that is not an error.
  errors.length = 0;
  return { context, page, errors };
}

/** Opens the agreement and waits until the body is synced and nothing is pending. */
export async function openAgreement(page: Page, id = WMK): Promise<void> {
  await page.goto(`/vereinbarungen/${id}`);
  await page.locator('.template-block[data-block="p4"]').waitFor();
  await expectSaved(page);
}

/** Waits until the indicator says everything is saved (vi.waitFor also works in beforeAll). */
export async function expectSaved(page: Page): Promise<void> {
  await vi.waitFor(async () => expect(await page.locator('.save-indicator').textContent()).toBe(SAVED), { timeout: 15_000, interval: 100 });
}

/** The print text as the server renders it from the stored document. */
export async function serverText(page: Page, id = WMK): Promise<string> {
  const response = await page.request.get(`/api/agreements/${id}/text`);
  expect(response.status()).toBe(200);
  return response.text();
}

/** A project entry of the demo agreement by its stable id (see server/demo/agreements.ts). */
/**
 * An entry by its id or, in a carried-over agreement, by the id of last year's entry it came
 * from: the demo's 2025 drafts get new ids at every seed, so tests name entries by the 2024 ones.
 */
export function entry(page: Page, id: string) {
  return page.locator(`.project-entry[data-entry-id="${id}"], .project-entry[data-carried-from="${id}"]`);
}

/** An entry's own text, without the name labels of other people's carets inside it. */
export function entryText(page: Page, id: string): Promise<string> {
  return entry(page, id).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/**
 * Puts the caret at the end of a project entry. ProseMirror learns of a click's caret from the
 * asynchronous `selectionchange` event; a key pressed before it arrives would act on the old
 * selection, so this waits until two frames have passed (the event is delivered by then).
 */
export async function caretAtEnd(page: Page, id: string): Promise<void> {
  await entry(page, id).click();
  await page.keyboard.press('End');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What a test file gets from `openedBy`: the running system and one signed-in page per user. */
export interface Fixture {
  readonly e2e: E2E;
  session(username: string): Session;
}

/**
 * Starts server and browser for this test file and, before the first test, signs each user in
 * (in a browser context of their own) with the agreement open and synced.
 */
export function openedBy(...usernames: string[]): Fixture {
  let e2e: E2E | null = null;
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    e2e = await startE2E();
    for (const username of usernames) {
      const session = await signIn(e2e, username);
      await openAgreement(session.page);
      sessions.set(username, session);
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });
  return {
    get e2e() {
      if (!e2e) throw new Error('the e2e fixture is not started yet');
      return e2e;
    },
    session(username) {
      const session = sessions.get(username);
      if (!session) throw new Error(`${username} is not signed in by this fixture`);
      return session;
    },
  };
}
