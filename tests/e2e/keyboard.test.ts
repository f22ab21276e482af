import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSaved, serverText, startE2E, WMK, type E2E } from './harness.js';

/**
 * The whole journey with the keyboard alone: no click, no fill, no focus() – only keys, and
 * page.goto for the login page. Log in, open the draft, add a project in § 5, comment on it,
 * resolve the comment and release (ministry editor), sign (ministry signatory).
 */

/** What a screen reader would call the focused element, and what it is. */
interface Focused {
  name: string;
  tag: string;
  className: string;
  editable: boolean;
  href: string;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const labelled = element?.getAttribute('aria-labelledby');
    const label =
      element?.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.labels?.[0]?.textContent : null) ??
      element?.textContent ??
      '';
    return {
      name: label.replace(/\s+/g, ' ').trim(),
      tag: element?.tagName.toLowerCase() ?? '',
      className: typeof element?.className === 'string' ? element.className : '',
      editable: element?.isContentEditable ?? false,
      href: element?.getAttribute('href') ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is where `wanted` says; the names passed on the way. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, { back = false, max = 80 } = {}): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    passed.push(now.editable ? '[Dokument]' : now.name);
    if (wanted(now)) return passed;
  }
  throw new Error(`Tab never got there; it passed: ${passed.join(' → ')}`);
}
const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));
const inDocument = (f: Focused) => f.editable;

let e2e: E2E;

async function logIn(username: string): Promise<Page> {
  const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/anmelden');
  await expect.poll(async () => (await focused(page)).name).toBe('Benutzername');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Zielvereinbarungen' }).waitFor();
  return page;
}

async function openDraft(page: Page): Promise<void> {
  // The link to the 2025 draft, on the round board (ministry) or in the list (district).
  await tabTo(page, (f) => f.tag === 'a' && f.href === `/vereinbarungen/${WMK}`, { max: 120 });
  await page.keyboard.press('Enter');
  await page.locator('.template-block[data-block="p4"]').waitFor();
  await expectSaved(page);
}

let ministry: Page;
mkdirSync('test-results', { recursive: true });
const NEW_PROJECT = 'Sprachcafé Eschwege';
const QUESTION = 'Ist die Finanzierung des Sprachcafés geklärt?';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

describe('the whole journey by keyboard only', () => {
  it('logs in, opens the draft and adds a project in § 5', async () => {
    ministry = await logIn('hmsi-referat');
    // The page's heading has the focus; the first Tab stop of the page skips the header:
    // „Zum Inhalt springen“, visible once focused.
    const back = await tabTo(ministry, named('Zum Inhalt springen'), { back: true, max: 15 });
    expect(back).toContain('vereinbar');
    expect(await ministry.getByRole('link', { name: 'Zum Inhalt springen' }).isVisible()).toBe(true);
    await ministry.keyboard.press('Enter');
    expect((await focused(ministry)).tag).toBe('main');
    await openDraft(ministry);
    // Into the document: the caret lands in § 5, the only place that can be edited.
    await tabTo(ministry, inDocument);
    await ministry.keyboard.press('End');
    await ministry.keyboard.press('Control+Enter');
    await ministry.keyboard.type(NEW_PROJECT);
    await expectSaved(ministry);
    expect(await serverText(ministry)).toContain(`- ${NEW_PROJECT}\n`);
  });

  it('moves between document, toolbar and comment panel with Tab, without a trap', async () => {
    // Backwards from the document into the toolbar …
    const back = await tabTo(ministry, named('Projekt hinzufügen'), { back: true });
    expect(back.length).toBeLessThan(25);
    // … forwards through the document and on into the comment panel …
    const forth = await tabTo(ministry, named('Kommentieren'));
    expect(forth).toContain('[Dokument]');
    expect(forth.indexOf('[Dokument]')).toBeLessThan(forth.length - 1);
    // … and back into the document, where the caret is in § 5 again. The document has a name,
    // and its focus shows: the frame of the editable list turns to the focus colour.
    await tabTo(ministry, inDocument, { back: true });
    expect((await focused(ministry)).name).toContain('bearbeitbar ist nur die Projektliste in § 5');
    expect(await ministry.locator('.project-list').evaluate((list) => getComputedStyle(list).borderLeftColor)).toBe('rgb(11, 92, 173)');
    await ministry.screenshot({ path: 'test-results/keyboard-document-focus.png' });
  });

  it('comments on the new project with Strg+Alt+M', async () => {
    // Back in the document, the caret is where it was: in the new project.
    await ministry.keyboard.press('Control+Alt+M');
    await expect.poll(async () => (await focused(ministry)).name).toBe('Kommentar');
    expect(await ministry.locator('.thread.is-new').innerText()).toContain(`Neuer Kommentar zu „${NEW_PROJECT}“`);
    await ministry.keyboard.type(QUESTION);
    await ministry.keyboard.press('Control+Enter');
    await ministry.locator('article.thread', { hasText: QUESTION }).waitFor();
    expect(await ministry.locator('article.thread', { hasText: QUESTION }).locator('.thread-entry').innerText()).toContain(NEW_PROJECT);
  });

  it('resolves the comment and releases, confirming in the dialog', async () => {
    await tabTo(ministry, named('✓ Erledigt'));
    await ministry.keyboard.press('Enter');
    await expect.poll(() => ministry.locator('.open-threads').getAttribute('data-open-threads')).toBe('0');
    await tabTo(ministry, named('Zur Zeichnung freigeben'));
    await ministry.keyboard.press('Enter');
    const dialog = ministry.getByRole('dialog', { name: 'Zur Zeichnung freigeben?' });
    await dialog.waitFor();
    // Abbrechen has the focus, so that Enter does not release by accident.
    expect((await focused(ministry)).name).toBe('Abbrechen');
    await tabTo(ministry, named('Verbindlich freigeben'), { max: 5 });
    await ministry.keyboard.press('Enter');
    await expect.poll(() => ministry.locator('.breadcrumbs .status-badge').textContent()).toBe('Zur Zeichnung freigegeben');
  });

  it('signs as the ministry signatory', async () => {
    const signatory = await logIn('hmsi-ministerin');
    await openDraft(signatory);
    await tabTo(signatory, named('Unterzeichnen'));
    await signatory.keyboard.press('Enter');
    await signatory.getByRole('dialog').waitFor();
    // The password field takes the focus; Enter signs.
    await expect.poll(async () => (await focused(signatory)).name).toBe('Ihr Passwort (zur Bestätigung)');
    await signatory.keyboard.type('demo');
    await signatory.keyboard.press('Enter');
    await expect.poll(() => signatory.locator('.breadcrumbs .status-badge').textContent(), { timeout: 15_000 }).toBe('Teilweise unterzeichnet');
    expect((await signatory.locator('.signatures .signature-space').allInnerTexts())[0]).toMatch(/^elektronisch unterzeichnet/);
    expect(await serverText(signatory, WMK)).toContain(`- ${NEW_PROJECT}\n`);
  });
});
