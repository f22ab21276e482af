import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entryText, openedBy, serverText } from './harness.js';

const fixture = openedBy('wmk-referat');
const page = () => fixture.session('wmk-referat').page;
const LOCKED = 'Dieser Text gehört zur Vorlage und ist gesperrt. Bearbeiten lässt sich nur die Projektliste in §\u00a05.';

const background = (p: Page, selector: string) => p.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
const hint = (p: Page) => p.getByTestId('lock-hint');

mkdirSync('test-results', { recursive: true });

describe('what an official sees: signed or not, locked or not, where the agreement stands', () => {
  it('shows neither mark nor date in the signature blocks of the unsigned Werra-Meißner draft', async () => {
    const signatures = page().locator('.signatures');
    await signatures.scrollIntoViewIfNeeded();
    const text = await signatures.innerText();
    expect(text).toContain('Heike Hofmann');
    expect(text).toContain('Eschwege, den');
    expect(text).not.toContain('23.07.2024');
    expect(await signatures.locator('.signature-mark').count()).toBe(0);
    expect(await page().locator('.signoff-signatures').innerText()).toContain('noch nicht unterzeichnet');
    await page().mouse.move(0, 0);
    await signatures.screenshot({ path: 'test-results/draft-signatures.png' });
  });

  it('greys the locked template text at rest, not only on hover, and leaves §5 white', async () => {
    await page().mouse.move(0, 0);
    expect(await background(page(), '.template-block[data-block="praeambel"]')).toBe('rgb(241, 243, 245)');
    expect(await background(page(), '.signatures')).toBe('rgb(241, 243, 245)');
    expect(await background(page(), '.project-list')).toBe('rgba(0, 0, 0, 0)');
    await page().locator('.project-list').scrollIntoViewIfNeeded();
    await page().screenshot({ path: 'test-results/locked-at-rest.png' });
  });

  it('says politely why Strg+A, Entf and typing in locked text did nothing', async () => {
    expect(await hint(page()).getAttribute('aria-live')).toBe('polite');
    expect(await hint(page()).textContent()).toBe('');
    const before = await serverText(page());

    await caretAtEnd(page(), 'p-wmk24-letswork');
    await page().keyboard.press('Control+A');
    await page().keyboard.press('Delete');
    await expect.poll(() => hint(page()).textContent()).toBe(LOCKED);
    expect(await page().getByRole('dialog').count()).toBe(0);
    await page().keyboard.type('x');
    expect(await entryText(page(), 'p-wmk24-letswork')).toBe("Let's work");
    expect(await serverText(page())).toBe(before);
    await page().locator('.editor-bar').screenshot({ path: 'test-results/locked-hint.png' });

    // Typing in §5 is what the page is for: no hint comes up there.
    await page().evaluate(() => window.getSelection()?.removeAllRanges());
    await caretAtEnd(page(), 'p-wmk24-letswork');
    await page().keyboard.type('!');
    await expect.poll(() => entryText(page(), 'p-wmk24-letswork')).toBe("Let's work!");
    await page().keyboard.press('Backspace');
    await expect.poll(() => entryText(page(), 'p-wmk24-letswork')).toBe("Let's work");
  });

  it('shows status and a jump to the Zeichnung panel right under the header', async () => {
    await page().evaluate(() => window.scrollTo(0, 0));
    const bar = page().getByRole('region', { name: 'Stand der Vereinbarung' });
    expect(await bar.innerText()).toContain('Entwurf');
    const box = await bar.boundingBox();
    expect(box?.y ?? 1000).toBeLessThan(120);
    await page().screenshot({ path: 'test-results/status-bar.png', clip: { x: 0, y: 0, width: 1280, height: 260 } });

    await bar.getByRole('link', { name: /Zur Zeichnung/ }).click();
    await expect.poll(() => page().evaluate(() => document.activeElement?.id)).toBe('zeichnung');
    const panel = await page().locator('#zeichnung').boundingBox();
    expect(panel?.y ?? 10_000).toBeLessThan(900);
  });
});
