import { existsSync } from 'node:fs';
import puppeteer, { type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { expect, vi } from 'vitest';
import { asTarget, getInPage, matchingIndexes, splitChord, type BrowserDriver, type BrowserPage, type Target } from './driver.js';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** German, as the officials' Firefox is; nothing but our server to talk to. */
const PREFS = {
  'intl.accept_languages': 'de-DE, de',
  'intl.locale.requested': 'de-DE',
  'browser.translations.enable': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** Browser tests never skip: without Firefox ESR they fail and say how to get it. */
export async function launchFirefox(): Promise<BrowserDriver> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox ESR fehlt: apt-get install -y firefox-esr (oder FIREFOX_PATH setzen) – gesucht unter ${FIREFOX_PATH}`);
  }
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: PREFS });
  return {
    name: 'firefox',
    async newPage(baseUrl) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      return firefoxPage(page, baseUrl, () => context.close());
    },
    close: () => browser.close(),
  };
}

/** Puppeteer knows keys by their `key` value; a letter in a chord is the lower-case key. */
const keyOf = (key: string, inChord: boolean) => (inChord && /^[A-Z]$/.test(key) ? key.toLowerCase() : key) as KeyInput;

function firefoxPage(page: Page, baseUrl: string, closeContext: () => Promise<void>): BrowserPage {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`${message.type()}: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));

  /** The target's element, waited for. */
  const element = async (target: Target): Promise<ElementHandle> => {
    let found: ElementHandle | undefined;
    await vi.waitFor(
      async () => {
        const index = (await page.evaluate(matchingIndexes, target))[0];
        found = index === undefined ? undefined : (await page.$$(target.selector))[index];
        expect(found, `${target.selector} ${target.name ?? ''}`).toBeDefined();
      },
      { timeout: 15_000, interval: 100 },
    );
    if (!found) throw new Error(`not found: ${target.selector}`);
    return found;
  };

  return {
    browser: 'firefox',
    problems,
    async goto(path) {
      await page.goto(new URL(path, baseUrl).href);
    },
    async waitFor(target) {
      await element(asTarget(target));
    },
    async click(target, offset) {
      await (await element(asTarget(target))).click(offset ? { offset } : {});
    },
    async fill(selector, value) {
      const field = await element({ selector });
      await field.click();
      // Typing replaces the selection: the whole old value.
      await field.evaluate((input) => (input as HTMLInputElement).select());
      await page.keyboard.type(value);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async press(keys) {
      const { modifiers, key } = splitChord(keys);
      for (const modifier of modifiers) await page.keyboard.down(keyOf(modifier, false));
      await page.keyboard.press(keyOf(key, modifiers.length > 0));
      for (const modifier of modifiers.reverse()) await page.keyboard.up(keyOf(modifier, false));
    },
    async count(target) {
      return (await page.evaluate(matchingIndexes, asTarget(target))).length;
    },
    texts: (selector) => page.$$eval(selector, (elements) => elements.map((item) => (item as HTMLElement).innerText)),
    async attribute(selector, name) {
      return page.$eval(selector, (item, attribute) => item.getAttribute(attribute), name);
    },
    async value(selector) {
      return page.$eval(selector, (item) => (item as HTMLInputElement).value);
    },
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>,
    get: (path) => page.evaluate(getInPage, path),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: closeContext,
  };
}
