import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgreement, startE2E, WMK, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

/** Every console message of level error or warning, and every uncaught error, from the first request on. */
function collect(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

describe('the browser console', () => {
  it('stays clean on the login page, the list and the agreement page', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const messages = collect(page);
    await page.goto('/');
    await page.getByLabel('Benutzername').waitFor();
    expect(messages, 'login page').toEqual([]);
    await page.getByLabel('Benutzername').fill('wmk-referat');
    await page.getByLabel('Passwort').fill('demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
    expect(messages, 'list').toEqual([]);
    await openAgreement(page, WMK);
    expect(messages, 'agreement page').toEqual([]);
    // A fresh load of each page with the session: nothing either.
    await page.reload();
    await page.locator('.template-block[data-block="p4"]').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
    expect(messages, 'reloads').toEqual([]);
    await context.close();
  });

  it('stays clean on the ministry’s pages: board, Neue Runde, Vorlagen, a draft version, a comparison, Benutzer, Mein Konto', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('Benutzername').fill('hmsi-referat');
    await page.getByLabel('Passwort').fill('demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Zielvereinbarungen 2025' }).waitFor();
    const messages = collect(page);
    const pages: [string, () => Promise<void>][] = [
      ['/runden/2025', () => page.locator('.board-table tbody tr').first().waitFor()],
      ['/runden/neu', () => page.locator('#partner-fulda-amount').waitFor()],
      ['/vorlagen', () => page.getByRole('link', { name: 'AQB 2026 (Entwurf)', exact: true }).waitFor()],
      ['/vorlagen/aqb-2026-entwurf', () => page.getByText('Alle Änderungen gespeichert').waitFor()],
      ['/vorlagen/aqb-2024/vergleich/aqb-2025', () => page.getByText(/von \d+ Abschnitten geändert/).waitFor()],
      ['/benutzer', () => page.getByRole('button', { name: 'Heike Hofmann' }).waitFor()],
      ['/konto', () => page.getByRole('heading', { name: 'Passwort ändern' }).waitFor()],
    ];
    for (const [path, loaded] of pages) {
      await page.goto(path);
      await loaded();
      expect(messages, path).toEqual([]);
    }
    await context.close();
  });
});
