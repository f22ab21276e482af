import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, openedBy } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-landraetin');
const ministry = () => fixture.session('hmsi-referat').page;
const signatory = () => fixture.session('wmk-landraetin').page;
const ENTRY = 'p-wmk24-letswork';

const thread = (p: Page, text: string) => p.locator('article.thread', { hasText: text });
const focusedClass = (p: Page) => p.evaluate(() => document.activeElement?.className ?? '');

async function comment(p: Page, text: string) {
  await caretAtEnd(p, ENTRY);
  await p.getByRole('button', { name: 'Kommentieren', exact: true }).click();
  const box = p.getByRole('textbox', { name: 'Kommentar', exact: true });
  await box.fill(text);
  await p.keyboard.press('Control+Enter');
  await thread(p, text).waitFor();
}

mkdirSync('test-results', { recursive: true });

describe('comments, and the release as a decision', () => {
  it('shows the reply box at once and offers for @ only others who may comment', async () => {
    await comment(ministry(), 'Ist der Träger bestätigt?');
    const card = thread(ministry(), 'Ist der Träger bestätigt?');
    const reply = card.getByRole('textbox', { name: 'Antworten' });
    expect(await reply.isVisible()).toBe(true);
    await reply.pressSequentially('@');
    const options = await card.getByRole('listbox', { name: 'Erwähnen' }).getByRole('option').allTextContents();
    expect(options.some((o) => o.includes('Nicole Rathgeber'))).toBe(true);
    expect(options.some((o) => o.includes('Gast'))).toBe(false);
    expect(options.some((o) => o.includes('Referat AQB (HMSI)'))).toBe(false);
    await reply.fill('Zweite Frage, bitte löschen.');
    await card.getByRole('button', { name: 'Antworten' }).click();
    // The reply stands in the thread, and the box is empty for the next one.
    await card.locator('p.comment-text', { hasText: 'Zweite Frage, bitte löschen.' }).waitFor();
    await expect.poll(() => reply.inputValue()).toBe('');
  });

  it('asks before deleting in an in-app dialog that holds and returns the focus', async () => {
    const card = thread(ministry(), 'Ist der Träger bestätigt?');
    const remove = card.locator('.comment', { hasText: 'Zweite Frage' }).getByRole('button', { name: 'Löschen' });
    await remove.click();
    const dialog = ministry().getByRole('dialog', { name: 'Kommentar löschen?' });
    await dialog.waitFor();
    expect(await focusedClass(ministry())).toContain('button-quiet');
    await ministry().keyboard.press('Tab');
    await ministry().keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await ministry().keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await remove.evaluate((element) => element === document.activeElement)).toBe(true);

    await remove.click();
    await dialog.getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => card.getByText('Zweite Frage, bitte löschen.').count()).toBe(0);
  });

  it('names the open comment in the release dialog and leads to it', async () => {
    await ministry().getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    const dialog = ministry().getByRole('dialog', { name: 'Zur Zeichnung freigeben?' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('eingefroren');
    expect(text).toContain('beider Seiten können danach unterzeichnen');
    expect(text).toContain('Kommentare bleiben möglich');
    expect(text).toContain('Unterschriften ungültig');
    expect(await dialog.getByRole('button', { name: 'Verbindlich freigeben' }).isDisabled()).toBe(true);
    await dialog.screenshot({ path: 'test-results/release-dialog-open-points.png' });

    await dialog.getByRole('button', { name: /Offener Kommentar zu „Let's work“/ }).click();
    await expect.poll(() => focusedClass(ministry())).toContain('thread');
    expect(await ministry().evaluate(() => document.activeElement?.textContent ?? '')).toContain('Ist der Träger bestätigt?');
  });

  it('hides Bearbeiten and Löschen in a resolved thread', async () => {
    const card = thread(ministry(), 'Ist der Träger bestätigt?');
    await card.getByRole('button', { name: '✓ Erledigt' }).click();
    await ministry().getByLabel('Erledigte anzeigen').check();
    await expect.poll(() => card.getAttribute('class')).toContain('is-resolved');
    expect(await card.getByRole('button', { name: 'Bearbeiten' }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Löschen' }).count()).toBe(0);
  });

  it('releases after confirming, and the signatory can still ask a question', async () => {
    await ministry().getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    const dialog = ministry().getByRole('dialog', { name: 'Zur Zeichnung freigeben?' });
    expect(await dialog.innerText()).toContain('Keine offenen Punkte');
    await dialog.screenshot({ path: 'test-results/release-dialog.png' });
    await dialog.getByRole('button', { name: 'Verbindlich freigeben' }).click();
    await expect.poll(() => signatory().locator('.status-bar').innerText()).toContain('Zur Zeichnung freigegeben');

    await comment(signatory(), 'Gilt die Laufzeit ab Januar?');
    await thread(ministry(), 'Gilt die Laufzeit ab Januar?').waitFor();
    await signatory().screenshot({ path: 'test-results/released-comment.png' });
  });
});
