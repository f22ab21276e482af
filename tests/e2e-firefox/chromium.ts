import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { launchChromium } from '../e2e/browser.js';
import { asTarget, getInPage, matchingIndexes, type BrowserDriver, type BrowserPage, type Target } from './driver.js';

/** The same journeys in Chromium, through the Chromium the e2e tests use (tests/e2e/browser.ts). */
export async function launchChromiumDriver(): Promise<BrowserDriver> {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    async newPage(baseUrl) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
      return chromiumPage(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

function chromiumPage(page: Page, closeContext: () => Promise<void>): BrowserPage {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  /** The target's element, waited for. */
  const element = async (target: Target) => {
    let index: number | undefined;
    await vi.waitFor(
      async () => {
        index = (await page.evaluate(matchingIndexes, target))[0];
        expect(index, `${target.selector} ${target.name ?? ''}`).toBeDefined();
      },
      { timeout: 15_000, interval: 100 },
    );
    return page.locator(target.selector).nth(index ?? 0);
  };

  return {
    browser: 'chromium',
    problems,
    async goto(path) {
      await page.goto(path);
    },
    async waitFor(target) {
      await element(asTarget(target));
    },
    async click(target, offset) {
      await (await element(asTarget(target))).click(offset ? { position: offset } : {});
    },
    async fill(selector, value) {
      await (await element({ selector })).fill(value);
    },
    type: (text) => page.keyboard.type(text),
    press: (keys) => page.keyboard.press(keys),
    async count(target) {
      return (await page.evaluate(matchingIndexes, asTarget(target))).length;
    },
    texts: (selector) => page.locator(selector).allInnerTexts(),
    attribute: (selector, name) => page.locator(selector).first().getAttribute(name),
    value: (selector) => page.locator(selector).first().inputValue(),
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    get: (path) => page.evaluate(getInPage, path),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: closeContext,
  };
}
