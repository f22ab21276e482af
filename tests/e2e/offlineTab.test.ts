import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entryText, expectSaved, openAgreement, openedBy, SAVED, serverText, WMK } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const district = () => fixture.session('wmk-referat');
const indicator = (page: Page) => page.locator('.save-indicator').textContent();

/** How many changes of the district editor this browser keeps (all tabs), read from its IndexedDB. */
const keptInBrowser = (page: Page) =>
  page.evaluate(
    (prefix) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('vereinbar');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
          const request = open.result.transaction('pending-changes').objectStore('pending-changes').getAll(range);
          request.onsuccess = () => {
            const records: unknown[] = request.result;
            open.result.close();
            const count = (record: unknown) => (typeof record === 'object' && record !== null && 'count' in record && typeof record.count === 'number' ? record.count : 0);
            resolve(records.reduce((sum: number, record) => sum + count(record), 0));
          };
        };
      }),
    `wmk-referat\u0000${WMK}\u0000`,
  );

/** Goes offline, types into an entry, and closes the tab once the browser holds every keystroke. */
async function typeOfflineAndClose(page: Page, entryId: string, text: string): Promise<void> {
  await fixture.e2e.stopServer();
  await expect.poll(() => indicator(page), { timeout: 10_000 }).toBe('Offline');
  await caretAtEnd(page, entryId);
  await page.keyboard.type(text);
  await expect.poll(() => indicator(page)).toBe(`Offline – ${text.length} Änderungen nur in diesem Browser`);
  expect(await keptInBrowser(page)).toBe(text.length);
  await page.screenshot({ path: 'test-results/offline-tab-pending.png', clip: { x: 0, y: 0, width: 1280, height: 140 } });
  await page.close();
}

describe('changes made offline in a tab that is then closed', () => {
  it('are kept in the browser, sent on the next visit and cleared once the server saved them', async () => {
    await typeOfflineAndClose(district().page, 'p-wmk24-letswork', ' – offline');
    await fixture.e2e.startServer();

    const page = await district().context.newPage();
    await openAgreement(page);
    expect(await entryText(page, 'p-wmk24-letswork')).toBe("Let's work – offline");
    expect(await serverText(page)).toContain("- Let's work – offline\n");
    expect(await indicator(page)).toBe(SAVED);
    await expect.poll(() => keptInBrowser(page)).toBe(0);
  });

  it('are shown with their text, not silently dropped, when the agreement was released meanwhile', async () => {
    const pages = district().context.pages();
    const page = pages[pages.length - 1];
    if (!page) throw new Error('no district page');
    await typeOfflineAndClose(page, 'p-wmk24-gefl2', ' plus');
    await fixture.e2e.startServer();
    const ministry = fixture.session('hmsi-referat').page;
    const released = await ministry.request.post(`/api/agreements/${WMK}/release`, { data: {}, headers: { origin: fixture.e2e.server.url } });
    expect(released.status(), await released.text()).toBe(200);

    const next = await district().context.newPage();
    // Not openAgreement: beside this notice the indicator must not say "Alle Änderungen gespeichert".
    await next.goto(`/vereinbarungen/${WMK}`);
    const notice = next.locator('.lost-changes');
    await expect.poll(() => notice.locator('.notice-title').textContent()).toBe('Änderungen aus diesem Browser konnten nicht gespeichert werden');
    expect(await notice.textContent()).toContain('5 Änderungen vom');
    expect(await notice.locator('.lost-changes-list li').allTextContents()).toEqual(['Geflüchtete II plus']);
    expect(await serverText(next)).not.toContain('Geflüchtete II plus');
    expect(await indicator(next)).toBe('Änderungen nicht gespeichert – siehe Hinweis oben');
    await next.screenshot({ path: 'test-results/offline-tab-released.png', fullPage: false });

    await notice.getByRole('button', { name: 'Gelesen – aus diesem Browser entfernen' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => keptInBrowser(next)).toBe(0);
    await expectSaved(next);
  });
});
