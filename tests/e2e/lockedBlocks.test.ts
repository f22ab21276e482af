import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectSaved, openedBy, serverText } from './harness.js';

const fixture = openedBy('wmk-referat');
const district = () => fixture.session('wmk-referat');

const block = (page: Page, id: string) => page.locator(`.template-block[data-block="${id}"]`);
const blockText = (page: Page, id: string) => block(page, id).innerText();

/** Fires a paste with both HTML and plain text, as a browser does for copied rich text. */
async function paste(page: Page, text: string) {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    data.setData('text/html', `<p>${content}</p>`);
    document.querySelector('.ProseMirror')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Drops text onto the middle of a locked block. */
async function drop(page: Page, blockId: string, text: string) {
  await page.evaluate(
    ({ id, content }) => {
      const target = document.querySelector(`.template-block[data-block="${id}"]`);
      if (!target) throw new Error('no block');
      const box = target.getBoundingClientRect();
      const data = new DataTransfer();
      data.setData('text/plain', content);
      data.setData('text/html', `<p>${content}</p>`);
      const init = { dataTransfer: data, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
      target.dispatchEvent(new DragEvent('dragover', init));
      target.dispatchEvent(new DragEvent('drop', init));
    },
    { id: blockId, content: text },
  );
}

describe('the locked template text', () => {
  it('is not editable in the page: no caret can enter it', async () => {
    expect(await block(district().page, 'p2').getAttribute('contenteditable')).toBe('false');
    expect(await district().page.locator('.signatures').getAttribute('contenteditable')).toBe('false');
    expect(await block(district().page, 'p2').getAttribute('title')).toBe('Vorlagentext – nicht änderbar');
  });

  it('stays as it was after typing, deleting, select-all, paste, drop and undo', async () => {
    const { page } = district();
    const before = { p2: await blockText(page, 'p2'), p4: await blockText(page, 'p4'), text: await serverText(page) };

    await block(page, 'p2').locator('.piece-text').first().click({ position: { x: 40, y: 8 } });
    await page.keyboard.type('Eingeschmuggelt');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Alles weg');
    await paste(page, 'Eingefügter Vertragstext');
    await block(page, 'p4').click();
    await page.keyboard.press('Backspace');
    await drop(page, 'p4', 'Fallen gelassen');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Shift+Z');

    expect(await blockText(page, 'p2')).toBe(before.p2);
    expect(await blockText(page, 'p4')).toBe(before.p4);
    await expectSaved(page);
    expect(await serverText(page)).toBe(before.text);
    expect(await page.locator('.banner').count()).toBe(0);
  });

  it('is the template rendered with the fields, § with a non-breaking space', async () => {
    const text = await blockText(district().page, 'p4');
    expect(text).toContain('§\u00a04');
    expect(text).toContain('462.800 Euro');
  });
});
