import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAgreement, openedBy } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat', 'wmk-landraetin');
const avatars = (page: Page) => page.locator('.presence > li');
const titles = (page: Page) => avatars(page).evaluateAll((items) => items.map((item) => item.getAttribute('title')));

/** The avatars' boxes, left to right: none may cover another. */
const boxes = (page: Page) => avatars(page).evaluateAll((items) => items.map((item) => item.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, clip: { x: 760, y: 0, width: 520, height: 110 } });

describe('who else has the agreement open', () => {
  it('shows each other person once, with letters, colour, party, name and role, and not one’s own second tab', async () => {
    const district = fixture.session('wmk-referat');
    const secondTab = await district.context.newPage();
    await openAgreement(secondTab);
    const ministry = fixture.session('hmsi-referat').page;

    const districtEditor = 'Fachdienst Arbeit (Werra-Meißner-Kreis) · Kreis/Stadt, Referat';
    const landraetin = 'Nicole Rathgeber · Kreis/Stadt, Zeichnungsberechtigt · Werra-Meißner-Kreis';
    await expect.poll(() => titles(ministry)).toEqual([districtEditor, landraetin]);
    expect(await avatars(ministry).locator('.presence-avatar').allTextContents()).toEqual(['FWK', 'NRK']);
    expect(await ministry.locator('.presence').getAttribute('aria-label')).toBe('Ebenfalls geöffnet von');
    expect(await avatars(ministry).first().locator('.visually-hidden').textContent()).toBe(districtEditor);

    // Both of the district editor's tabs see the others, never their own other tab.
    for (const page of [district.page, secondTab]) {
      await expect.poll(() => titles(page)).toEqual([landraetin, 'Referat AQB (HMSI) · Ministerium, Referat']);
      expect(await avatars(page).locator('.is-ministry').count()).toBe(0);
      expect(await page.locator('.presence .presence-user.is-ministry').count()).toBe(1);
    }

    const colours = await avatars(ministry).locator('.presence-avatar').evaluateAll((items) => items.map((item) => getComputedStyle(item).backgroundColor));
    expect(new Set(colours).size).toBe(2);
    const [first, second] = await boxes(ministry);
    if (!first || !second) throw new Error('two avatars expected');
    expect(second.left).toBeGreaterThanOrEqual(first.right);

    await shot(ministry, 'presence-ministry');
    await shot(secondTab, 'presence-district-second-tab');
    await secondTab.close();
    await expect.poll(() => titles(ministry)).toEqual([districtEditor, landraetin]);
  });
});
