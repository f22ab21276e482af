import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, caretAtEnd, entrySelector, journeyIn, WMK } from './harness.js';

const THREAD = { selector: '.thread', name: "Kommentar zu „Let's work“" };
const openCount = (texts: string[]) => texts.join('');

describe.each(BROWSERS)('in %s, a comment on a project', (browser) => {
  const journey = journeyIn(browser, 'wmk-referat', 'hmsi-referat');
  const district = () => journey.page('wmk-referat');
  const ministry = () => journey.page('hmsi-referat');

  it('is written by the district, seen, answered and resolved live by the ministry', async () => {
    expect(openCount(await ministry().texts('.open-threads'))).toBe('0 offen');

    await caretAtEnd(district(), 'p-wmk24-letswork');
    await district().press('Control+Alt+M');
    await district().waitFor('.comments-sidebar .composer-text');
    await district().type('Bitte den Träger ergänzen.');
    await district().press('Control+Enter');

    await ministry().waitFor(THREAD);
    expect((await ministry().texts('.thread .comment-party')).join('|')).toBe('Werra-Meißner-Kreis');
    expect((await ministry().texts('.thread .comment-text')).join('')).toContain('Bitte den Träger ergänzen.');
    await expect.poll(async () => openCount(await ministry().texts('.open-threads'))).toBe('1 offen');
    await expect.poll(() => ministry().attribute(entrySelector('p-wmk24-letswork'), 'data-open-comments')).toBe('1');
    // Beside its project: the thread starts level with the entry.
    const tops = await ministry().evaluate((entry) => {
      document.querySelector('.thread')?.scrollIntoView({ block: 'center' });
      return [entry, '.thread'].map((selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? NaN);
    }, entrySelector('p-wmk24-letswork'));
    expect(Math.abs((tops[0] ?? NaN) - (tops[1] ?? NaN))).toBeLessThan(4);
    mkdirSync('test-results', { recursive: true });
    await ministry().screenshot(`test-results/${browser}-comments.png`);

    await ministry().click('.thread .composer-text');
    await ministry().type('Ist ergänzt.');
    await ministry().click({ selector: '.thread button[type="submit"]', name: 'Antworten' });
    await expect.poll(async () => (await district().texts('.thread .comment-party')).join('|')).toBe('Werra-Meißner-Kreis|Ministerium');

    await ministry().click({ selector: '.thread button', name: '✓ Erledigt' });
    await expect.poll(async () => openCount(await district().texts('.open-threads'))).toBe('0 offen');
    await expect.poll(() => district().count(THREAD)).toBe(0);
    const detail = await ministry().get(`/api/agreements/${WMK}`);
    expect((JSON.parse(detail.text) as { openThreads: number }).openThreads).toBe(0);
    for (const page of journey.everyone()) expect(page.problems).toEqual([]);
  });
});
