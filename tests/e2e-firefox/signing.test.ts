import { describe, expect, it } from 'vitest';
import type { BrowserPage } from './driver.js';
import { BROWSERS, journeyIn } from './harness.js';

const badge = async (page: BrowserPage) => (await page.texts('.breadcrumbs .status-badge')).join('');

async function signAs(page: BrowserPage, expectedSeat: string) {
  await page.click({ selector: '.signoff button', name: 'Unterzeichnen' });
  await page.waitFor('dialog[open] #sign-password');
  expect(await page.value('#sign-place')).toBe(expectedSeat);
  // The password field has the focus: type it and confirm with the keyboard.
  await page.type('demo');
  await page.press('Enter');
  // scrypt is deliberately slow; on a loaded machine past the default second.
  await expect.poll(() => page.count('dialog[open]'), { timeout: 10_000 }).toBe(0);
}

describe.each(BROWSERS)('in %s, release and signing', (browser) => {
  const journey = journeyIn(browser, 'hmsi-referat', 'wmk-landraetin', 'hmsi-ministerin');
  const editor = () => journey.page('hmsi-referat');
  const landraetin = () => journey.page('wmk-landraetin');
  const ministerin = () => journey.page('hmsi-ministerin');

  it('freezes the text for everyone once the ministry editor releases it after the dialog', async () => {
    expect(await editor().attribute('.agreement-body', 'contenteditable')).toBe('true');
    await editor().click({ selector: '.signoff button', name: 'Zur Zeichnung freigeben' });
    await editor().click({ selector: 'dialog[open] button', name: 'Verbindlich freigeben' });
    for (const page of journey.everyone()) await expect.poll(() => badge(page)).toBe('Zur Zeichnung freigegeben');
    await expect.poll(() => editor().attribute('.agreement-body', 'contenteditable')).toBe('false');
    await expect.poll(() => landraetin().count({ selector: '.signoff button', name: 'Unterzeichnen' })).toBe(1);
    expect(await editor().count({ selector: '.signoff button', name: 'Unterzeichnen' })).toBe(0);
  });

  it('is „Unterzeichnet“ in every browser once both signatories have signed', async () => {
    await signAs(landraetin(), 'Eschwege');
    for (const page of journey.everyone()) await expect.poll(() => badge(page)).toBe('Teilweise unterzeichnet');
    await signAs(ministerin(), 'Wiesbaden');
    for (const page of journey.everyone()) {
      await expect.poll(() => badge(page)).toBe('Unterzeichnet');
      await expect.poll(() => page.count('.signoff-history li[data-kind="final"]')).toBe(1);
    }
    const history = (await editor().texts('.signoff-history li')).join('\n');
    expect(history).toContain('Unterzeichnet für den Werra-Meißner-Kreis in Eschwege');
    expect(history).toContain('Unterzeichnet für das Ministerium in Wiesbaden');
    for (const page of journey.everyone()) expect(page.problems).toEqual([]);
  });
});
