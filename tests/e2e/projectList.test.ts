import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import { caretAtEnd, expectSaved, openedBy, serverText } from './harness.js';

const fixture = openedBy('wmk-referat');
const district = () => fixture.session('wmk-referat');

/** Moves the focus backwards with Shift+Tab until it rests on the toolbar button with that name. */
async function shiftTabTo(page: Page, label: string): Promise<void> {
  for (let step = 0; step < 15; step += 1) {
    await page.keyboard.press('Shift+Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label) return;
  }
  throw new Error(`"${label}" is not reachable with Shift+Tab`);
}

async function savedText(page: Page): Promise<string> {
  await expectSaved(page);
  return serverText(page);
}

describe('the §5 project list', () => {
  it('is edited with the keyboard alone: add, name, move and remove a project', async () => {
    const { page } = district();
    await caretAtEnd(page, 'p-wmk24-gefl1');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Werkstatt Zukunft');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await savedText(page)).toContain("- Let's work\n- Werkstatt Zukunft\n- Geflüchtete I\n");

    await shiftTabTo(page, 'Nach unten');
    await page.keyboard.press('Enter');
    expect(await savedText(page)).toContain('- Geflüchtete I\n- Werkstatt Zukunft\n- Geflüchtete II\n');

    await shiftTabTo(page, 'Projekt entfernen');
    await page.keyboard.press('Enter');
    expect(await savedText(page)).toContain('- Geflüchtete I\n- Geflüchtete II\n');
  });

  it('moves a project across the boundary into the neighbouring Maßnahmenart', async () => {
    const { page } = district();
    await caretAtEnd(page, 'p-wmk24-uebergang');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await savedText(page)).toContain(`${MEASURE_TYPES[4]}\n\n- Übergangsmanagement\n- Strategieentwicklung\n`);
    await page.keyboard.press('Alt+ArrowUp');
    expect(await savedText(page)).toContain('- Übergangsmanagement\n\nWeiterbildungsmaßnahmen');
  });

  it('adds a Maßnahmenart in the official order with its official heading, and removes it again', async () => {
    const { page } = district();
    await caretAtEnd(page, 'p-wmk24-strategie');
    await shiftTabTo(page, 'Maßnahmenart hinzufügen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menuitem').allTextContents()).toEqual([MEASURE_TYPES[1], MEASURE_TYPES[2]]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ausbildung im Verbund');
    expect(await page.locator('.measure-heading').allTextContents()).toEqual([MEASURE_TYPES[2], MEASURE_TYPES[3], MEASURE_TYPES[4]]);
    expect(await page.locator('.measure-heading').first().getAttribute('contenteditable')).toBe('false');
    expect(await savedText(page)).toContain(`folgende Projekte:\n\n${MEASURE_TYPES[2]}\n\n- Ausbildung im Verbund\n\n${MEASURE_TYPES[3]}`);

    await page.getByRole('button', { name: 'Maßnahmenart entfernen' }).click();
    await page.getByRole('dialog', { name: 'Maßnahmenart entfernen?' }).getByRole('button', { name: 'Entfernen' }).click();
    await expect.poll(() => page.locator('.measure-heading').count()).toBe(2);
    expect(await savedText(page)).not.toContain('Ausbildung im Verbund');
  });

  it('shows a quiet placeholder in a Maßnahmenart without projects', async () => {
    const { page } = district();
    await caretAtEnd(page, 'p-wmk24-strategie');
    await page.getByRole('button', { name: 'Projekt entfernen' }).click();
    const placeholder = page.locator('.measure-group[data-measure-type="4"] .group-empty');
    await expect.poll(() => placeholder.isVisible()).toBe(true);
    expect(await placeholder.textContent()).toContain('Noch keine Projekte – „Projekt hinzufügen“');
    await placeholder.getByRole('button', { name: 'Projekt hinzufügen' }).click();
    await page.keyboard.type('Strategie 2025');
    await expect.poll(() => placeholder.isVisible()).toBe(false);
    expect(await savedText(page)).toContain('- Strategie 2025\n');
  });

  it('turns two pasted lines into two projects, each with an id of its own', async () => {
    const { page } = district();
    await caretAtEnd(page, 'p-wmk24-letswork');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ' plus\nSprachcafé');
      document.querySelector('.ProseMirror')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await savedText(page)).toContain("- Let's work plus\n- Sprachcafé\n");
    const ids = await page.locator('.project-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-entry-id')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(null);
  });
});

describe('the save indicator', () => {
  it('says "Wird gespeichert …" until the server acknowledged an edit, then "Alle Änderungen gespeichert"', async () => {
    const { page } = district();
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seenSaveStates: seen });
      const indicator = document.querySelector('.save-indicator');
      if (!indicator) throw new Error('no save indicator');
      new MutationObserver(() => seen.push(indicator.textContent ?? '')).observe(indicator, { childList: true, subtree: true, characterData: true });
    });
    await caretAtEnd(page, 'p-wmk24-dreiplus');
    await page.keyboard.type(' (gespeichert?)');
    expect(await savedText(page)).toContain('- DREIplus - Wiedererlangung der Erwerbsfähigkeit (gespeichert?)\n');
    const seen = await page.evaluate(() => (window as unknown as { seenSaveStates: string[] }).seenSaveStates);
    expect(seen).toContain('Wird gespeichert …');
    expect(seen.at(-1)).toBe('Alle Änderungen gespeichert');
  });
});
