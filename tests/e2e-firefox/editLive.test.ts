import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, caretAtEnd, entrySelector, entryText, entryTexts, expectSaved, journeyIn, serverText } from './harness.js';

describe.each(BROWSERS)('in %s, two editors of §5', (browser) => {
  const journey = journeyIn(browser, 'hmsi-referat', 'wmk-referat');
  const ministry = () => journey.page('hmsi-referat');
  const district = () => journey.page('wmk-referat');

  it('see each other’s edits, new projects and carets live, and the server stores them', async () => {
    await caretAtEnd(ministry(), 'p-wmk24-letswork');
    await ministry().type(' – mit Sprachkurs');
    await expect.poll(() => entryText(district(), 'p-wmk24-letswork')).toBe("Let's work – mit Sprachkurs");

    // Known, not yet fixed (closing note of 30.11.2026): in Firefox the district's FIRST click into
    // its editor after the ministry's live edits arrived leaves the caret at the start of §5's first
    // project. The person sees the caret there and clicks again; so does this journey.
    await district().click(entrySelector('p-wmk24-gefl1'));
    await caretAtEnd(district(), 'p-wmk24-gefl1');
    await district().press('Enter');
    await district().type('Jugend stärken');
    await expect.poll(() => entryTexts(ministry())).toContain('Jugend stärken');

    // Each sees the other's named caret.
    await expect.poll(() => ministry().count('.collaboration-carets__label')).toBe(1);
    await expect.poll(() => district().count('.collaboration-carets__label')).toBe(1);

    await expectSaved(ministry());
    await expectSaved(district());
    const text = await serverText(district());
    expect(text).toContain("- Let's work – mit Sprachkurs\n");
    expect(text).toContain('- Geflüchtete I\n- Jugend stärken\n- Geflüchtete II');

    mkdirSync('test-results', { recursive: true });
    await ministry().screenshot(`test-results/${browser}-agreement.png`);
    for (const page of journey.everyone()) expect(page.problems).toEqual([]);
  });
});
