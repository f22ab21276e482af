import { describe, expect, it } from 'vitest';
import { caretAtEnd, entryText, expectSaved, openedBy, serverText } from './harness.js';

const fixture = openedBy('wmk-referat');
const district = () => fixture.session('wmk-referat');

describe('editing without a connection', () => {
  it('says "Offline" and how many changes only this browser holds while the server is away and saves the edits made meanwhile once it is back', async () => {
    const { page } = district();
    await fixture.e2e.stopServer();
    await expect.poll(() => page.locator('.save-indicator').textContent(), { timeout: 10_000 }).toBe('Offline');

    await caretAtEnd(page, 'p-wmk24-letswork');
    const typed = ' – offline ergänzt';
    await page.keyboard.type(typed);
    expect(await entryText(page, 'p-wmk24-letswork')).toBe("Let's work – offline ergänzt");
    // Every keystroke is one change, kept in IndexedDB until the server acknowledges it.
    await expect.poll(() => page.locator('.save-indicator').textContent()).toBe(`Offline – ${typed.length} Änderungen nur in diesem Browser`);

    await fixture.e2e.startServer();
    await expectSaved(page);
    expect(await serverText(page)).toContain("- Let's work – offline ergänzt\n");
  });
});
