import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretAtEnd, expectSaved, openAgreement, signIn, startE2E, WMK, type E2E, type Session } from './harness.js';

// The 2025 draft's entry carried over from the 2024 „Let's work" (`entry()` matches data-carried-from).
const ENTRY = 'p-wmk24-letswork';
const USERNAME = 'j.kirchner';
const OWN_PASSWORD = 'Eschwege-Fachdienst-eigenes-2025';
const bell = (page: Page) => page.locator('.bell-button');

/**
 * Issue 15 as one journey in Chromium: the ministry's admin gives a new Referentin of the
 * Werra-Meißner-Kreis access; she signs in with the one-time password in a browser of her own and
 * must choose her own; the ministry mentions her in a comment on the district's draft; her bell
 * counts it without a reload, and the notification leads her to the agreement.
 * Screenshot: test-results/people-bell.png.
 */
describe('a new district user, from the Benutzer page to the bell', () => {
  let e2e: E2E;
  let admin: Session;
  let newcomer: Session;
  let oneTimePassword = '';

  beforeAll(async () => {
    await mkdir('test-results', { recursive: true });
    e2e = await startE2E();
    admin = await signIn(e2e, 'hmsi-referat');
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('the ministry admin creates the district user with a one-time password', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Benutzer' }).click();
    await page.getByRole('heading', { name: 'Benutzer', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Jana Kirchner');
    await dialog.getByLabel('Benutzername').fill(USERNAME);
    await dialog.getByLabel('E-Mail-Adresse').fill('j.kirchner@werra-meissner-kreis.example');
    await dialog.getByLabel('Partei').selectOption({ label: 'Werra-Meißner-Kreis' });
    expect(await dialog.getByLabel('Rolle').inputValue()).toBe('district-editor');
    oneTimePassword = await dialog.getByLabel('Einmalpasswort').inputValue();
    await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
    // Hashing the password (scrypt) takes a moment on purpose.
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const row = page.locator(`.user-table tr[data-username="${USERNAME}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Einmalpasswort');
  });

  it('she signs in with it in a browser of her own and must choose her own password first', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    newcomer = { context, page, errors };
    await page.goto('/anmelden');
    await page.getByLabel('Benutzername').fill(USERNAME);
    await page.getByLabel('Passwort').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Eigenes Passwort festlegen' }).waitFor();
    // Until then the server answers nothing else, whatever the browser asks.
    expect((await page.request.get('/api/agreements')).status()).toBe(403);
    await page.getByLabel('Einmalpasswort').fill(oneTimePassword);
    await page.getByLabel('Neues Passwort', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('Neues Passwort wiederholen').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Passwort festlegen und weiter' }).click();
    await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
    // From here on, errors on her page fail the journey (the anonymous session check before was a 401 by design).
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const cards = await page.locator('.agreement-card-title').allInnerTexts();
    expect(cards.length).toBeGreaterThan(0);
    for (const title of cards) expect(title).toContain('Werra-Meißner-Kreis');
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Benachrichtigungen, keine ungelesen');
  });

  it('the ministry mentions her in a comment, and her bell counts it live, without a reload', async () => {
    const { page } = newcomer;
    // A mark in her page's window: a reload or a navigation would lose it.
    const listUrl = page.url();
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const ministry = admin.page;
    await openAgreement(ministry, WMK);
    await caretAtEnd(ministry, ENTRY);
    await ministry.keyboard.press('Control+Alt+M');
    const box = ministry.getByRole('textbox', { name: 'Kommentar', exact: true });
    await box.waitFor();
    await box.pressSequentially(`Willkommen, @${USERNAME} – bitte den Träger nachtragen.`);
    await ministry.keyboard.press('Control+Enter');
    await expectSaved(ministry);

    // She stays on the list: the count arrives over the event stream.
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Benachrichtigungen, 1 ungelesen');
    expect(await page.locator('.bell-count').textContent()).toBe('1');
    expect(page.url()).toBe(listUrl);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  });

  it('she opens the notification and lands on the agreement, at the thread, marked read', async () => {
    const { page, errors } = newcomer;
    await bell(page).click();
    const panel = page.getByRole('region', { name: 'Benachrichtigungen' });
    const item = panel.locator('.bell-item-unread');
    await item.waitFor();
    expect(await item.locator('.bell-text').textContent()).toBe(
      'Referat AQB (HMSI) hat Sie in einem Kommentar zu „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ erwähnt.',
    );
    await page.screenshot({ path: 'test-results/people-bell.png' });

    await item.locator('a').click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Benachrichtigungen, keine ungelesen');
    expect(new URL(page.url()).pathname).toBe(`/vereinbarungen/${WMK}`);
    const threadId = new URL(page.url()).searchParams.get('thread') ?? '';
    expect(threadId).toMatch(/^t-/);
    await page.locator('.template-block[data-block="p4"]').waitFor();
    await expect.poll(() => page.locator(`.thread[data-thread-id="${threadId}"]`).getAttribute('class')).toContain('is-active');
    expect(await page.locator(`.thread[data-thread-id="${threadId}"]`).innerText()).toContain('bitte den Träger nachtragen');
    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
