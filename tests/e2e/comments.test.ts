import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entry, openedBy, WMK } from './harness.js';

const fixture = openedBy('wmk-referat', 'hmsi-referat');
const district = () => fixture.session('wmk-referat').page;
const ministry = () => fixture.session('hmsi-referat').page;
const ENTRY = 'p-wmk24-letswork';

const openCount = (page: ReturnType<typeof district>) => page.locator('.open-threads').textContent();
const thread = (page: ReturnType<typeof district>, text: string) => page.locator('.thread', { hasText: text });

describe('comments in two browsers', () => {
  it('lets the district comment on an entry by keyboard, the ministry see it live, reply and resolve it', async () => {
    expect(await openCount(ministry())).toBe('0 offen');

    await caretAtEnd(district(), ENTRY);
    await district().keyboard.press('Control+Alt+M');
    const box = district().getByRole('textbox', { name: 'Kommentar', exact: true });
    await box.waitFor();
    await box.pressSequentially('Bitte den Träger ergänzen, @hmsi-referat danke');
    await district().keyboard.press('Control+Enter');

    const seen = thread(ministry(), 'Bitte den Träger ergänzen');
    await seen.waitFor();
    expect(await seen.locator('.thread-entry').textContent()).toBe("Let's work");
    expect(await seen.locator('.comment-party').first().textContent()).toBe('Werra-Meißner-Kreis');
    expect(await seen.locator('.comment-time').first().textContent()).toBe('gerade eben');
    expect(await seen.locator('.mention-me').count()).toBe(1);
    await expect.poll(() => openCount(ministry())).toBe('1 offen');
    await expect.poll(() => entry(ministry(), ENTRY).getAttribute('data-open-comments')).toBe('1');

    // The sidebar lines up: the thread starts level with its entry.
    const entryBox = await entry(ministry(), ENTRY).boundingBox();
    const cardBox = await seen.boundingBox();
    expect(Math.abs((cardBox?.y ?? 0) - (entryBox?.y ?? 1000))).toBeLessThan(4);
    mkdirSync('test-results', { recursive: true });
    await seen.scrollIntoViewIfNeeded();
    await ministry().screenshot({ path: 'test-results/comments.png' });

    await seen.locator('.thread-entry').click();
    const reply = seen.getByRole('textbox', { name: 'Antworten' });
    await reply.fill('Ist ergänzt.');
    await seen.getByRole('button', { name: 'Antworten' }).click();
    await thread(district(), 'Ist ergänzt.').waitFor();
    expect(await thread(district(), 'Ist ergänzt.').locator('.comment-party').allTextContents()).toEqual(['Werra-Meißner-Kreis', 'Ministerium']);

    await seen.getByRole('button', { name: '✓ Erledigt' }).click();
    await expect.poll(() => openCount(ministry())).toBe('0 offen');
    await expect.poll(() => openCount(district())).toBe('0 offen');
    await expect.poll(() => thread(district(), 'Bitte den Träger ergänzen').count()).toBe(0);
    const detail = await ministry().request.get(`/api/agreements/${WMK}`);
    expect(((await detail.json()) as { openThreads: number }).openThreads).toBe(0);

    await district().getByLabel('Erledigte anzeigen').check();
    await thread(district(), 'Bitte den Träger ergänzen').getByText(/^Erledigt von/).waitFor();
  });
});
