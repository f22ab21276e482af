import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSaved, signIn, startE2E, type E2E, type Session } from './harness.js';

/**
 * Issue 11's „done": a ministry editor makes next year's text in vereinbar itself. From the newest
 * published version a new draft, a changed sentence with a placeholder inserted by keyboard, the
 * preview for Fulda, publishing, a round with it, and Fulda's agreement shows the new sentence.
 * Screenshots go to test-results/templates-*.png.
 */
const VERSION = 'aqb-2026-e2e';
const TYPED_BEFORE = ' Im Jahr 2026 berät das Land ';
const TYPED_AFTER = ' zur Teilzeitausbildung.';
/** The sentence as Fulda's agreement prints it: the placeholder in the accusative with article. */
const SENTENCE_FULDA = 'Im Jahr 2026 berät das Land den Landkreis Fulda zur Teilzeitausbildung.';

let e2e: E2E;
let ministry: Session;

beforeAll(async () => {
  e2e = await startE2E();
  await mkdir('test-results', { recursive: true });
  ministry = await signIn(e2e, 'hmsi-referat');
});

afterAll(async () => {
  await e2e.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/templates-${name}.png`, fullPage: true });

/** Puts the caret at the end of a piece of the template editor, as a click at its end would. */
async function caretAtEndOf(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((element) => {
    (element.closest('.ProseMirror') as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  // ProseMirror learns of the caret from the asynchronous selectionchange event: two frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('a new template version, from the ministry to the district', () => {
  it('lists the versions with state, publication and use', async () => {
    const { page } = ministry;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Vorlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorlagen' }).waitFor();
    const row2024 = page.locator('.templates-table tr[data-version="aqb-2024"]');
    await row2024.waitFor();
    expect(await row2024.locator('td').first().textContent()).toBe('veröffentlicht');
    // The demo's 2024 round uses it (Werra-Meißner on paper, Fulda): DIN 5008 dates, a count.
    expect(await row2024.locator('td').nth(2).textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}/);
    expect(await row2024.locator('.templates-usage').textContent()).toMatch(/^\d+ Vereinbarung/);
    expect(await page.locator('.templates-table tr[data-version="aqb-2025"] td').first().textContent()).toBe('veröffentlicht');
    await shot(page, 'list');
  });

  it('shows the server\'s problems when a draft cannot be published, and keeps it a draft', async () => {
    const { page } = ministry;
    await page.getByRole('link', { name: 'AQB 2026 (Entwurf) bearbeiten' }).click();
    await page.locator('.template-editor .template-section[data-block="p7"]').waitFor();
    await expectSaved(page);
    // Enter at the end of § 7 starts a new, empty paragraph: a draft may have one, a published text not.
    await caretAtEndOf(page, '.template-section[data-block="p7"] .piece-text:last-child');
    await page.keyboard.press('Enter');
    await expectSaved(page);
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    const dialog = page.getByRole('dialog', { name: 'AQB 2026 (Entwurf) veröffentlichen?' });
    await dialog.getByRole('button', { name: 'Veröffentlichen' }).click();
    const problems = dialog.getByRole('list', { name: 'Was vor dem Veröffentlichen fehlt' });
    await expect.poll(() => problems.textContent()).toContain('leerer Absatz');
    expect(await dialog.getByRole('alert').textContent()).toContain('nicht veröffentlicht werden');
    await shot(page, 'publish-refused');
    // The browser logs the refused request (409) as a console error: that one is expected.
    expect(ministry.errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    ministry.errors.length = 0;
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await page.locator('.breadcrumbs .status-badge').textContent()).toBe('Entwurf');
    await page.keyboard.press('Backspace');
    await expectSaved(page);
    await page.getByRole('navigation', { name: 'Brotkrumen' }).getByRole('link', { name: 'Vorlagen' }).click();
  });

  it('opens „Neue Fassung" from the newest published version, with the focus in the dialog and back on the button after Abbrechen', async () => {
    const { page } = ministry;
    const open = page.getByRole('button', { name: 'Neue Fassung' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Neue Fassung' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    // Nothing sticks out of the dialog: its fields and „Fassung anlegen“ are whole, not cut off at its edge.
    const cutOff = await dialog.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll('select, input, button, p')].filter((child) => child.getBoundingClientRect().right > box.right).map((child) => child.textContent || child.id);
    });
    expect(cutOff).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => open.evaluate((element) => element === document.activeElement)).toBe(true);

    await open.click();
    await dialog.getByLabel('Kopie von').selectOption('aqb-2025');
    await dialog.getByLabel('Kennung').fill(VERSION);
    await dialog.getByLabel('Bezeichnung').fill('AQB 2026');
    await shot(page, 'new-version');
    await dialog.getByRole('button', { name: 'Fassung anlegen' }).click();
    await page.waitForURL(`**/vorlagen/${VERSION}`);
    await page.locator('.template-editor .template-section[data-block="p3"]').waitFor();
    await expectSaved(page);
    expect(await page.locator('.template-section-label').allTextContents()).toContain('Präambel');
  });

  it('changes a sentence and inserts a placeholder by keyboard, which shows as a chip', async () => {
    const { page } = ministry;
    await caretAtEndOf(page, '.template-section[data-block="p3"] .piece-text');
    await page.keyboard.type(TYPED_BEFORE);
    await page.keyboard.press('Control+Alt+p');
    const menu = page.getByRole('menu', { name: 'Platzhalter wählen' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Jahr');
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.querySelector('.placeholder-menu-label')?.textContent)).toBe('Partner, Akkusativ mit Artikel');
    await page.screenshot({ path: 'test-results/templates-placeholder-menu.png' });
    // The next letters follow Enter at once, as a fast typist's do: none may go to the page.
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED_AFTER);
    await menu.waitFor({ state: 'detached' });
    await expectSaved(page);
    const bold = page.getByRole('button', { name: 'Fett' });
    await page.keyboard.press('Control+b');
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+b');
    expect(await bold.getAttribute('aria-pressed')).toBe('false');

    const section = page.locator('.template-section[data-block="p3"]');
    const chip = section.getByRole('img', { name: 'Platzhalter Partner, Akkusativ mit Artikel' });
    expect(await chip.textContent()).toBe('Partner, Akkusativ mit Artikel');
    expect(await chip.getAttribute('contenteditable')).toBe('false');
    expect(await section.locator('.piece-text').last().textContent()).toContain(`Im Jahr 2026 berät das Land Partner, Akkusativ mit Artikel${TYPED_AFTER}`);
    await page.locator('.template-section[data-block="p3"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/templates-editor.png' });
  });

  it('previews the draft for Fulda exactly as an agreement shows it', async () => {
    const { page } = ministry;
    await page.getByRole('button', { name: 'Vorschau', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Vorschau' });
    await preview.getByLabel('Partner').selectOption('fulda');
    await preview.getByLabel('Jahr').fill('2026');
    const sheet = preview.locator('.template-preview-sheet');
    await expect.poll(() => sheet.locator('.template-block[data-block="p3"]').textContent()).toContain(SENTENCE_FULDA);
    expect(await sheet.locator('.piece-titleLine').allTextContents()).toContain('und dem Landkreis Fulda');
    // The sample amount as the printed agreement writes it (§ 4).
    expect(await sheet.locator('.piece-amount').textContent()).toBe('462.800 Euro');
    await shot(page, 'preview');
    await page.getByRole('button', { name: 'Text', exact: true }).click();
  });

  it('saves the version\'s fields while it is a draft', async () => {
    const { page } = ministry;
    const form = page.getByRole('form', { name: 'Angaben der Version' });
    const save = form.getByRole('button', { name: 'Angaben speichern' });
    expect(await save.isDisabled()).toBe(true);
    await form.getByLabel('Bezeichnung').fill('AQB 2026 neu');
    await save.click();
    await form.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();
    expect(await page.locator('.breadcrumbs-current').textContent()).toBe('AQB 2026 neu');
    expect((await (await page.request.get(`/api/templates/${VERSION}`)).json()) as { label: string }).toMatchObject({ label: 'AQB 2026 neu' });
    await form.getByLabel('Bezeichnung').fill('AQB 2026');
    await save.click();
    await expect.poll(() => page.locator('.breadcrumbs-current').textContent()).toBe('AQB 2026');
  });

  it('publishes after a confirmation that says what it means; the version is read-only then, also in a colleague\'s open editor', async () => {
    const { page } = ministry;
    const colleague = await signIn(e2e, 'hmsi-referat');
    await colleague.page.goto(`/vorlagen/${VERSION}`);
    await colleague.page.locator('.template-editor[contenteditable="true"]').waitFor();
    await expectSaved(colleague.page);
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    const dialog = page.getByRole('dialog', { name: 'AQB 2026 veröffentlichen?' });
    expect(await dialog.textContent()).toContain('nicht mehr ändern');
    await shot(page, 'publish');
    await dialog.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.locator('.read-only-badge', { hasText: 'Veröffentlicht – nicht änderbar' }).waitFor();
    expect(await page.locator('.breadcrumbs .status-badge').textContent()).toBe('veröffentlicht');
    expect(await page.locator('.template-editor').getAttribute('contenteditable')).toBe('false');
    expect(await page.locator('.template-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await shot(page, 'published');

    // The colleague's editor learns it from the live document and stops editing at once.
    await colleague.page.getByRole('status').filter({ hasText: 'inzwischen veröffentlicht' }).waitFor();
    expect(await colleague.page.locator('.template-editor').getAttribute('contenteditable')).toBe('false');
    expect(await colleague.page.getByRole('toolbar', { name: 'Vorlagentext bearbeiten' }).count()).toBe(0);
    await shot(colleague.page, 'published-meanwhile');
    await colleague.page.getByRole('button', { name: 'Veröffentlichte Fassung anzeigen' }).click();
    await colleague.page.locator('.read-only-badge', { hasText: 'Veröffentlicht – nicht änderbar' }).waitFor();
    expect(colleague.errors).toEqual([]);
    await colleague.context.close();
  });

  it('compares the new version with the one it came from, word by word', async () => {
    const { page } = ministry;
    await page.goto('/vorlagen');
    await page.getByLabel('Ältere Fassung').selectOption('aqb-2025');
    await page.getByLabel('Neuere Fassung').selectOption(VERSION);
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    const p3 = page.locator('.diff-block[data-block="p3"]');
    await p3.waitFor();
    expect(await p3.locator('.diff-state').textContent()).toBe('geändert');
    const inserted = (await p3.locator('ins').allTextContents()).join('');
    expect(inserted).toContain('eingefügt: ');
    expect(inserted).toContain('berät das Land');
    expect(await page.locator('.diff-block[data-block="p2"] .diff-state').textContent()).toBe('unverändert');
    // The versions are named as on the Vorlagen page, in the page and in the tab's title.
    await expect.poll(() => page.locator('.diff-versions').textContent()).toBe('AQB 2025 → AQB 2026');
    expect(await page.title()).toBe('Vergleich AQB 2025 → AQB 2026 – vereinbar');
    await shot(page, 'compare');
  });

  it('starts the 2026 round with it, and Fulda sees the new sentence in its agreement', async () => {
    const { page } = ministry;
    await page.goto('/runden/neu');
    await page.getByLabel('Jahr', { exact: true }).fill('2026');
    await expect.poll(() => page.locator('#partner-fulda-name').inputValue()).not.toBe('');
    // The newest published version is proposed: the one just published.
    await expect.poll(() => page.getByLabel('Vorlage').inputValue()).toBe(VERSION);
    expect(await page.getByLabel('Vorlage').locator('option').allTextContents()).toEqual([`AQB 2026 (${VERSION})`, 'AQB 2025 (aqb-2025)', 'AQB 2024 (aqb-2024)']);
    await page.getByLabel('Frist zur Unterzeichnung').fill('2026-11-30');
    await page.getByLabel('leer beginnen').check();
    await page.locator('#partner-fulda-amount').fill('480.000');
    await page.getByRole('button', { name: 'Runde prüfen' }).click();
    await page.getByRole('button', { name: 'Runde anlegen' }).click();
    await page.waitForURL('**/runden/2026');

    const district = await signIn(e2e, 'fd-referat');
    await district.page.goto('/vereinbarungen/aqb-2026-fulda');
    const p3 = district.page.locator('.template-block[data-block="p3"]');
    await p3.waitFor();
    expect(await p3.textContent()).toContain(SENTENCE_FULDA);
    expect(await district.page.locator('.template-block[data-block="p4"] .piece-amount').textContent()).toContain('480.000 Euro');
    const text = await (await district.page.request.get('/api/agreements/aqb-2026-fulda/text')).text();
    expect(text).toContain(SENTENCE_FULDA);
    // Last year's agreement keeps the version it was made with.
    await district.page.goto('/vereinbarungen/aqb-2025-fulda');
    await district.page.locator('.template-block[data-block="p3"]').waitFor();
    expect(await district.page.locator('.template-block[data-block="p3"]').textContent()).not.toContain('berät das Land');
    await district.page.goto('/vereinbarungen/aqb-2026-fulda');
    await district.page.locator('.template-block[data-block="p3"]').waitFor();
    await district.page.locator('.template-block[data-block="p3"]').scrollIntoViewIfNeeded();
    await district.page.screenshot({ path: 'test-results/templates-district.png' });
    expect(district.errors).toEqual([]);
    expect(ministry.errors).toEqual([]);
  });
});
