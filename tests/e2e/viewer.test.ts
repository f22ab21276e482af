import { describe, expect, it } from 'vitest';
import { entry, expectSaved, openedBy, serverText } from './harness.js';

const fixture = openedBy('wmk-gast');
const viewer = () => fixture.session('wmk-gast');

describe('a viewer', () => {
  it('reads the agreement in a read-only editor without editing tools', async () => {
    const { page } = viewer();
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    expect(await page.locator('.read-only-badge').textContent()).toBe('Nur lesen');
    expect(await page.getByRole('button', { name: 'Betrag ändern' }).count()).toBe(0);
  });

  it('cannot change a project by typing', async () => {
    const { page } = viewer();
    const before = await serverText(page);
    await entry(page, 'p-wmk24-letswork').click();
    await page.keyboard.type('Gast war hier');
    await page.keyboard.press('Backspace');
    expect(await entry(page, 'p-wmk24-letswork').textContent()).toBe("Let's work");
    await expectSaved(page);
    expect(await serverText(page)).toBe(before);
    expect(await page.locator('.banner').count()).toBe(0);
  });
});
