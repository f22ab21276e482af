import { describe, expect, it } from 'vitest';
import { openedBy, signIn, WMK } from './harness.js';

const fixture = openedBy();

describe('signing in and finding an agreement', () => {
  it('explains a wrong password in German', async () => {
    const context = await fixture.e2e.browser.newContext({ baseURL: fixture.e2e.server.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/anmelden');
    await page.getByLabel('Benutzername').fill('wmk-referat');
    await page.getByLabel('Passwort').fill('falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Benutzername oder Passwort ist falsch.');
    await context.close();
  });

  it('shows a district only its own agreements, and refuses another district’s', async () => {
    const { page, context } = await signIn(fixture.e2e, 'wmk-referat');
    // Its agreements of every year, newest first: the 2025 draft and the 2024 one signed on paper.
    expect(await page.locator('.agreement-card-title').allTextContents()).toEqual(['Zielvereinbarung 2025 – Werra-Meißner-Kreis', 'Zielvereinbarung 2024 – Werra-Meißner-Kreis']);
    expect(await page.locator('.app-header-user').textContent()).toContain('Werra-Meißner-Kreis');
    await page.goto('/vereinbarungen/aqb-2024-fulda');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sie haben keinen Zugriff auf diese Vereinbarung.');
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    // A forwarded link to a page of the ministry does not claim the page does not exist.
    await page.goto('/vorlagen');
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff auf diese Seite' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Runden, Vorlagen und Benutzer verwaltet das Ministerium');
    expect(await page.title()).toBe('Kein Zugriff auf diese Seite – vereinbar');
    await page.goto('/gibt-es-nicht');
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Diese Adresse gibt es in vereinbar nicht.');
    await context.close();
  });

  it('opens an agreement from the list, and after Abmelden asks to sign in again and comes back', async () => {
    const { page, context } = await signIn(fixture.e2e, 'hmsi-referat');
    await page.getByRole('link', { name: /Werra-Meißner-Kreis/ }).click();
    await page.waitForURL(`**/vereinbarungen/${WMK}`);
    await page.locator('.template-block[data-block="title"]').waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/anmelden');

    await page.goto(`/vereinbarungen/${WMK}`);
    await page.waitForURL(`**/anmelden?weiter=${encodeURIComponent(`/vereinbarungen/${WMK}`)}`);
    await page.getByLabel('Benutzername').fill('hmsi-referat');
    await page.getByLabel('Passwort').fill('demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`**/vereinbarungen/${WMK}`);
    await page.locator('.template-block[data-block="title"]').waitFor();
    await context.close();
  });

  it.each([1024, 1280])('shows the ministry’s header on an agreement at %i px with nothing overlapping and the title in full', async (width) => {
    const { page, context } = await signIn(fixture.e2e, 'hmsi-referat');
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`/vereinbarungen/${WMK}`);
    await page.locator('.template-block[data-block="title"]').waitFor();
    const header = page.locator('.app-header');
    const boxes = await header.locator('a, button, .user-name, .user-party, .breadcrumbs-current').evaluateAll((elements) =>
      elements.filter((element) => element.getBoundingClientRect().width > 0).map((element) => ({ text: element.textContent ?? '', ...element.getBoundingClientRect().toJSON() as DOMRect })),
    );
    const overlapping = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && !a.text.includes(b.text) && !b.text.includes(a.text)).map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlapping).toEqual([]);
    const title = header.locator('.breadcrumbs-current');
    expect(await title.textContent()).toBe('Zielvereinbarung 2025 – Werra-Meißner-Kreis');
    expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // Without breadcrumbs (Benutzer, where its link is bold) the header stays one row: areas, Mein Konto, bell, name, Abmelden.
    await page.goto('/benutzer');
    await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    const middles = await header.locator('.brand, a[href="/konto"], .user-name, button').evaluateAll((elements) =>
      elements.filter((element) => element.getBoundingClientRect().width > 0).map((element) => (element.getBoundingClientRect().top + element.getBoundingClientRect().bottom) / 2),
    );
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(10);
    expect(await header.locator('.user-name').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await context.close();
  });
});
