import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2E, type E2E, type Session } from './harness.js';

const OWN_PASSWORD = 'Fulda-Referat-eigenes-2025';

/** The admin page and the first login of a new user, with screenshots in test-results/accounts-*.png. */
describe('accounts in the browser', () => {
  let e2e: E2E;
  let admin: Session;
  let oneTimePassword = '';
  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/accounts-${name}.png`, fullPage: true });

  beforeAll(async () => {
    await mkdir('test-results', { recursive: true });
    e2e = await startE2E();
    admin = await signIn(e2e, 'hmsi-referat');
  });
  afterAll(async () => {
    await e2e.close();
  });

  it('shows the ministry admin every account, searchable and filterable by party and role', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Benutzer' }).click();
    await page.getByRole('heading', { name: 'Benutzer', exact: true }).waitFor();
    expect(await page.locator('.user-table tbody tr').count()).toBe(6);
    await shot(page, 'list');
    await page.getByLabel('Partei').selectOption({ label: 'Werra-Meißner-Kreis' });
    expect(await page.locator('.user-table tbody tr').count()).toBe(3);
    await page.getByLabel('Rolle').selectOption({ label: 'Lesezugriff' });
    expect(await page.locator('.user-table tbody tr').getAttribute('data-username')).toBe('wmk-gast');
    await page.getByLabel('Partei').selectOption({ label: 'Alle Parteien' });
    await page.getByLabel('Rolle').selectOption({ label: 'Alle Rollen' });
    await page.getByLabel('Suchen').fill('hofmann');
    expect(await page.locator('.user-table tbody tr').getAttribute('data-username')).toBe('hmsi-ministerin');
    await page.getByLabel('Suchen').fill('');
  });

  it('creates a district user with a one-time password', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Frieda Dorn');
    await dialog.getByLabel('Benutzername').fill('f.dorn');
    await dialog.getByLabel('E-Mail-Adresse').fill('f.dorn@landkreis-fulda.example');
    await dialog.getByLabel('Partei').selectOption({ label: 'Landkreis Fulda' });
    expect(await dialog.getByLabel('Rolle').inputValue()).toBe('district-editor');
    oneTimePassword = await dialog.getByLabel('Einmalpasswort').inputValue();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await shot(page, 'create-dialog');
    await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
    // Hashing the password (scrypt) takes a moment on purpose.
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const row = page.locator('.user-table tr[data-username="f.dorn"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('Einmalpasswort');
    expect(await page.locator('.users-events li').first().innerText()).toContain('Frieda Dorn: Angelegt als Kreis/Stadt, Referat');
  });

  it('makes the new user choose their own password at the first login, then shows their agreements', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto('/anmelden');
      await page.getByLabel('Benutzername').fill('f.dorn');
      await page.getByLabel('Passwort').fill(oneTimePassword);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { name: 'Eigenes Passwort festlegen' }).waitFor().catch(async (error: unknown) => {
        await shot(page, 'first-login-failed');
        throw error;
      });
      // The server refuses everything else meanwhile, whatever the browser tries.
      expect((await page.request.get('/api/agreements')).status()).toBe(403);
      await page.getByLabel('Einmalpasswort').fill(oneTimePassword);
      await page.getByLabel('Neues Passwort', { exact: true }).fill('Passwort2025!');
      await page.getByLabel('Neues Passwort wiederholen').fill('Passwort2025!');
      await page.getByRole('button', { name: 'Passwort festlegen und weiter' }).click();
      await page.getByRole('alert').filter({ hasText: 'zu leicht zu erraten' }).waitFor();
      await shot(page, 'first-password');
      await page.getByLabel('Einmalpasswort').fill(oneTimePassword);
      await page.getByLabel('Neues Passwort', { exact: true }).fill(OWN_PASSWORD);
      await page.getByLabel('Neues Passwort wiederholen').fill(OWN_PASSWORD);
      await page.getByRole('button', { name: 'Passwort festlegen und weiter' }).click();
      await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
      const cards = await page.locator('.agreement-card-title').allInnerTexts();
      expect(cards.length).toBeGreaterThan(0);
      for (const title of cards) expect(title).toContain('Fulda');
      expect(await page.getByRole('link', { name: 'Benutzer', exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: 'Mein Konto' }).click();
      await page.getByRole('heading', { name: 'Mein Konto' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'E-Mail-Adresse' }).inputValue()).toBe('f.dorn@landkreis-fulda.example');
      await shot(page, 'my-account');
    } finally {
      await context.close();
    }
  });

  it('shows the admin who did what to the account, in its history', async () => {
    const { page, errors } = admin;
    await page.reload();
    await page.locator('.user-table tr[data-username="f.dorn"]').getByRole('button', { name: 'Frieda Dorn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.user-events li[data-kind="password-changed"]').waitFor();
    expect(await dialog.locator('.user-events li').allInnerTexts()).toEqual([
      expect.stringMatching(/Passwort geändert\s+von Frieda Dorn$/),
      expect.stringMatching(/Angelegt als Kreis\/Stadt, Referat\s+von Referat AQB \(HMSI\)$/),
    ]);
    await dialog.getByRole('button', { name: 'Deaktivieren' }).click();
    await shot(page, 'deactivate');
    await dialog.locator('.user-confirm').getByRole('button', { name: 'Deaktivieren' }).click();
    await dialog.locator('.user-events li[data-kind="deactivated"]').waitFor();
    expect(await dialog.locator('.user-state').innerText()).toContain('Deaktiviert');
    expect(errors).toEqual([]);
  });

  it('fits a narrow screen (test-results/accounts-narrow.png)', async () => {
    const { page } = admin;
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Benutzer', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/accounts-narrow.png' });
  });
});
