import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, openedBy, WMK } from './harness.js';

const fixture = openedBy('wmk-referat', 'hmsi-referat');
const district = () => fixture.session('wmk-referat').page;
const ministry = () => fixture.session('hmsi-referat').page;
// The 2025 draft's entry carried over from the 2024 „Let's work" (`entry()` matches data-carried-from).
const ENTRY = 'p-wmk24-letswork';
const bell = (page: ReturnType<typeof district>) => page.locator('.bell-button');

describe('the bell', () => {
  it('counts a mention by the ministry live, lists it, and leads to the agreement, marked read', async () => {
    await expect.poll(() => bell(district()).getAttribute('aria-label')).toBe('Benachrichtigungen, keine ungelesen');
    // Empty, the panel says what will come there and where mail for it is chosen; at 1024 px it lies whole in the window.
    await district().setViewportSize({ width: 1024, height: 768 });
    await bell(district()).click();
    const empty = district().getByRole('region', { name: 'Benachrichtigungen' });
    await expect.poll(() => empty.textContent()).toContain('Keine Benachrichtigungen. Hier erscheinen Erwähnungen');
    expect(await empty.getByRole('link', { name: 'Mein Konto' }).getAttribute('href')).toBe('/konto');
    expect(await empty.evaluate((element) => element.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await bell(district()).click();
    await empty.waitFor({ state: 'detached' });
    await district().setViewportSize({ width: 1280, height: 900 });

    await caretAtEnd(ministry(), ENTRY);
    await ministry().keyboard.press('Control+Alt+M');
    const box = ministry().getByRole('textbox', { name: 'Kommentar', exact: true });
    await box.waitFor();
    await box.pressSequentially('Bitte Träger nachtragen, @wmk-referat danke');
    await ministry().keyboard.press('Control+Enter');

    // No reload and no polling: the count arrives over the event stream.
    await expect.poll(() => bell(district()).getAttribute('aria-label')).toBe('Benachrichtigungen, 1 ungelesen');
    expect(await district().locator('.bell-count').textContent()).toBe('1');
    // The actor's own bell stays quiet.
    expect(await bell(ministry()).getAttribute('aria-label')).toBe('Benachrichtigungen, keine ungelesen');

    await bell(district()).click();
    const panel = district().getByRole('region', { name: 'Benachrichtigungen' });
    const item = panel.locator('.bell-item-unread');
    await item.waitFor();
    expect(await item.locator('.bell-text').textContent()).toBe(
      'Referat AQB (HMSI) hat Sie in einem Kommentar zu „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ erwähnt.',
    );
    mkdirSync('test-results', { recursive: true });
    await district().screenshot({ path: 'test-results/notifications-bell.png' });

    await item.locator('a').click();
    await expect.poll(() => bell(district()).getAttribute('aria-label')).toBe('Benachrichtigungen, keine ungelesen');
    expect(new URL(district().url()).pathname).toBe(`/vereinbarungen/${WMK}`);
    const threadId = new URL(district().url()).searchParams.get('thread') ?? '';
    expect(threadId).toMatch(/^t-/);
    // The thread it is about is the active one.
    await expect.poll(() => district().locator(`.thread[data-thread-id="${threadId}"]`).getAttribute('class')).toContain('is-active');
  });

  it('switches mail for a kind in Mein Konto, saved at once', async () => {
    await district().getByRole('link', { name: 'Mein Konto' }).click();
    const section = district().getByRole('region', { name: 'Benachrichtigungen' });
    const replies = section.getByRole('checkbox', { name: 'Antworten in Kommentarverläufen, an denen Sie teilnehmen' });
    await replies.waitFor();
    expect(await replies.isChecked()).toBe(false);
    expect(await section.getByRole('checkbox', { name: 'Erwähnungen in Kommentaren' }).isChecked()).toBe(true);
    await replies.check();
    await section.getByRole('status').getByText('Gespeichert.').waitFor();
    await section.getByRole('radio', { name: 'Einmal täglich als Zusammenfassung' }).check();
    await expect.poll(async () => ((await (await district().request.get('/api/account/notifications')).json()) as { digest: boolean; mail: { reply: boolean } })).toMatchObject({ digest: true, mail: { reply: true } });
    await section.scrollIntoViewIfNeeded();
    await district().screenshot({ path: 'test-results/notifications-settings.png' });
  });
});
