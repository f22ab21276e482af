import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, openedBy, type Session } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const ministry = () => fixture.session('hmsi-referat');
const district = () => fixture.session('wmk-referat');

/** The content of the sheet's ::before, where the print stylesheet puts the „Entwurf" mark. */
const sheetMark = (session: Session) =>
  session.page.locator('.sheet').evaluate((sheet) => {
    const style = getComputedStyle(sheet, '::before');
    return { content: style.content, display: style.display, position: style.position };
  });

describe('printing and copying the agreement', () => {
  it('prints the document only, with an „Entwurf" mark on a draft (test-results/print-draft*.png)', async () => {
    const { page } = ministry();
    // The district's caret stands in §5, with its name label, as in a real session.
    await caretAtEnd(district().page, 'p-wmk24-letswork');
    await expect.poll(() => page.locator('.collaboration-carets__label').count()).toBeGreaterThan(0);

    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/agreement-screen-arimo.png' });
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.app-header', '.editor-bar', '.save-indicator', '.comments-sidebar', '.signoff', '.collaboration-carets__label', '.lock-icon']) {
      for (const element of await page.locator(selector).all()) expect(await element.isVisible(), selector).toBe(false);
    }
    await expect.poll(() => page.locator('.sheet').isVisible()).toBe(true);
    expect(await sheetMark(ministry())).toEqual({ content: '"Entwurf"', display: 'block', position: 'fixed' });
    // A final agreement carries no mark.
    await page.locator('.sheet').evaluate((sheet) => sheet.setAttribute('data-status', 'final'));
    expect((await sheetMark(ministry())).content).toBe('none');
    await page.locator('.sheet').evaluate((sheet) => sheet.setAttribute('data-status', 'draft'));

    await page.screenshot({ path: 'test-results/print-draft-screen.png', fullPage: true });
    // What Strg+P gives, as Chromium prints it, rendered to PNGs to look at.
    await page.pdf({ path: 'test-results/print-draft.pdf', format: 'A4', preferCSSPageSize: true });
    const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', 'test-results/print-draft.pdf', '-']).toString('utf8');
    // The mark is set diagonally: pdftotext reads it in pieces („En tw ur f").
    expect(printed.replace(/\s+/g, '')).toContain('Entwurf');
    expect(printed).toContain('Präambel');
    expect(printed).not.toContain('Alle Änderungen gespeichert');
    expect(printed).not.toContain('Kommentare');
    execFileSync('pdftoppm', ['-r', '60', '-png', 'test-results/print-draft.pdf', 'test-results/print-draft']);
    await page.emulateMedia({ media: 'screen' });
  });

  it('copies a selection of locked text as printed (Präambel heading and its first words)', async () => {
    const { page, context } = district();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => {
      const block = document.querySelector('.template-block[data-block="praeambel"]');
      const heading = block?.querySelector('.piece-heading');
      const paragraph = block?.querySelector('.piece-text')?.firstChild;
      if (!heading || !paragraph) throw new Error('no Präambel');
      const range = document.createRange();
      range.setStartBefore(heading);
      range.setEnd(paragraph, 'Erfolgreiche Arbeitsmarktpolitik'.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Präambel\n\nErfolgreiche Arbeitsmarktpolitik');

    // Across a section: the § number comes with a plain space, no lock icon, no button text.
    const copied = await page.evaluate(() => {
      const block = document.querySelector('.template-block[data-block="p4"]');
      if (!block) throw new Error('no § 4');
      const range = document.createRange();
      range.selectNodeContents(block);
      const data = new DataTransfer();
      block.closest('.ProseMirror')?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      block.closest('.ProseMirror')?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied.startsWith('§ 4\n\n')).toBe(true);
    expect(copied).toContain('462.800 Euro');
    expect(copied).not.toContain('Betrag ändern');
  });
});
