import { describe, expect, it } from 'vitest';
import { LOCKED_TEXT_MESSAGE } from '../../client/src/editor/lockedInputHint.js';
import { BROWSERS, caretAtEnd, entryText, expectSaved, journeyIn, serverText } from './harness.js';

const PRAEAMBEL = '.template-block[data-block="praeambel"]';
const HINT = '[data-testid="lock-hint"]';

describe.each(BROWSERS)('in %s, the locked template text', (browser) => {
  const journey = journeyIn(browser, 'wmk-referat');
  const district = () => journey.page('wmk-referat');

  it('holds against typing into the Präambel and says politely why', async () => {
    const page = district();
    expect(await page.attribute(PRAEAMBEL, 'contenteditable')).toBe('false');
    expect(await page.attribute(HINT, 'aria-live')).toBe('polite');
    expect(await page.texts(HINT)).toEqual(['']);
    const before = { praeambel: await page.texts(PRAEAMBEL), text: await serverText(page) };

    // Firefox moves a caret clicked into locked text on to the first project in §5: typing must
    // not land there either.
    await page.click(`${PRAEAMBEL} .piece-text`, { x: 40, y: 8 });
    await page.type('Eingeschmuggelt');
    await expect.poll(() => page.texts(HINT)).toEqual([LOCKED_TEXT_MESSAGE]);
    expect(await page.count('dialog[open]')).toBe(0);
    await page.press('Backspace');
    await page.press('Delete');
    await page.press('Enter');

    expect(await page.texts(PRAEAMBEL)).toEqual(before.praeambel);
    await expectSaved(page);
    expect(await serverText(page)).toBe(before.text);
    expect(page.problems).toEqual([]);
  });

  it('holds against Strg+A and Entf from §5, and a caret put into §5 by a click types there again', async () => {
    const page = district();
    const before = await serverText(page);
    await caretAtEnd(page, 'p-wmk24-letswork');
    await page.press('Control+A');
    await page.press('Delete');
    await expect.poll(() => page.texts(HINT)).toEqual([LOCKED_TEXT_MESSAGE]);
    await expectSaved(page);
    expect(await serverText(page)).toBe(before);

    await caretAtEnd(page, 'p-wmk24-letswork');
    await page.type('!');
    await expect.poll(() => entryText(page, 'p-wmk24-letswork')).toBe("Let's work!");
    expect(page.problems).toEqual([]);
  });

  it('would notice an error the page logs or throws (the console checks can fail)', async () => {
    const page = district();
    await page.evaluate(() => {
      console.error('Probe');
      setTimeout(() => {
        throw new Error('Probe geworfen');
      });
    }, null);
    await expect.poll(() => page.problems.join('\n')).toMatch(/^error: Probe .*\npageerror: .*Probe geworfen$/);
    page.problems.length = 0;
  });
});
