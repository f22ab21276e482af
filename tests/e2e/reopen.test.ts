import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entryText, expectSaved, openAgreement, openedBy, serverText, WMK } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const editable = (page: Page) => page.locator('.agreement-body').getAttribute('contenteditable');

async function post(page: Page, path: string, data: unknown) {
  const response = await page.request.post(`/api/agreements/${WMK}/${path}`, { data, headers: { origin: fixture.e2e.server.url } });
  expect(response.status(), await response.text()).toBe(200);
}

describe('an agreement that is reopened while someone has it open', () => {
  it('becomes editable again in a page that was opened while it was frozen, without a reload', async () => {
    const ministry = fixture.session('hmsi-referat').page;
    const district = fixture.session('wmk-referat').page;
    const amountButton = ministry.getByRole('button', { name: 'Betrag ändern' });
    expect(await amountButton.isVisible()).toBe(true);
    await post(ministry, 'release', {});
    await expect.poll(() => editable(district)).toBe('false');
    await expect.poll(() => amountButton.isVisible()).toBe(false);
    // Opened while frozen: the permissions at page load say "no editing".
    await openAgreement(district);
    expect(await editable(district)).toBe('false');

    await post(ministry, 'reopen', { reason: 'Ein Projekt fehlt noch.' });
    await expect.poll(() => editable(district)).toBe('true');
    await expect.poll(() => amountButton.isVisible()).toBe(true);
    // The reason ends with its own full stop: none is added after the closing quote (issue 13).
    const reopened = district.locator('.signoff-history li[data-kind="reopened"] .signoff-history-what');
    await expect.poll(() => reopened.textContent()).toBe('Zur Überarbeitung zurückgeholt. Begründung: „Ein Projekt fehlt noch.“');
    await caretAtEnd(district, 'p-wmk24-strategie');
    await district.keyboard.type(' 2025');
    await expectSaved(district);
    expect(await entryText(district, 'p-wmk24-strategie')).toBe('Strategieentwicklung 2025');
    expect(await serverText(district)).toContain('- Strategieentwicklung 2025');
  });
});
