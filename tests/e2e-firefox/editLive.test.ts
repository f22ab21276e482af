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

    // The district's first click into its editor puts the caret where it clicked, behind the
    // entry's text (in Firefox it once landed at the start of §5's first project, issue 13).
    const firstProject = await entryText(district(), 'p-wmk24-dreiplus');
    await district().click(entrySelector('p-wmk24-gefl1'));
    await district().type(' und Familien');
    await expect.poll(() => entryText(district(), 'p-wmk24-gefl1')).toBe('Geflüchtete I und Familien');
    expect(await entryText(district(), 'p-wmk24-dreiplus')).toBe(firstProject);
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
    expect(text).toContain('- Geflüchtete I und Familien\n- Jugend stärken\n- Geflüchtete II');

    mkdirSync('test-results', { recursive: true });
    await ministry().screenshot(`test-results/${browser}-agreement.png`);
    for (const page of journey.everyone()) expect(page.problems).toEqual([]);
  });
});
