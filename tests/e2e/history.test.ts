import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entry, expectSaved, openedBy, serverText, WMK } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const ministry = () => fixture.session('hmsi-referat').page;
const district = () => fixture.session('wmk-referat').page;
const DISTRICT_NAME = 'Fachdienst Arbeit (Werra-Meißner-Kreis)';
/** DIN 5008 date and time as the history prints it: „23.07.2024, 14:03 Uhr“. */
const DIN_DATE_TIME = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/;

mkdirSync('test-results', { recursive: true });

async function post(page: Page, path: string, data: unknown) {
  const response = await page.request.post(`/api/agreements/${WMK}/${path}`, { data, headers: { origin: fixture.e2e.server.url } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Adds a project after an entry and names it, with the keyboard, as the district does. */
async function addAfter(page: Page, id: string, title: string) {
  await caretAtEnd(page, id);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(title);
  await expectSaved(page);
}

async function appendTo(page: Page, id: string, text: string) {
  await caretAtEnd(page, id);
  await page.keyboard.type(text);
  await expectSaved(page);
}

async function openHistory(page: Page) {
  const button = page.getByRole('button', { name: 'Verlauf', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = page.getByRole('complementary', { name: 'Verlauf' });
  await panel.waitFor();
  return panel;
}

describe('the version history', () => {
  it('shows the ministry, after a reopen, exactly what the district changed since the release, with its name', async () => {
    // Before the release: these changes are in the released version and must not show.
    await addAfter(district(), 'p-wmk24-letswork', 'Werkstatt Zukunft');
    await appendTo(district(), 'p-wmk24-strategie', ' 2025');
    await post(ministry(), 'release', {});
    await post(ministry(), 'reopen', { reason: 'Zwei Projekte fehlen noch.' });
    await expect.poll(() => district().locator('.agreement-body').getAttribute('contenteditable')).toBe('true');
    // After the reopen: the changes the comparison must show.
    await addAfter(district(), 'p-wmk24-gefl1', 'Jobcoaching Plus');
    await appendTo(district(), 'p-wmk24-uebergang', ' Schule');
    await caretAtEnd(district(), 'p-wmk24-dreiplus');
    await district().getByRole('button', { name: 'Projekt entfernen' }).click();
    await expectSaved(district());
    expect(await serverText(district())).toContain('- Geflüchtete I\n- Jobcoaching Plus\n');
    expect(await serverText(district())).not.toContain('DREIplus');

    const page = ministry();
    const panel = await openHistory(page);
    // Focus moves into the panel, to its heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-title');
    const versions = panel.getByRole('list', { name: 'Fassungen' }).getByRole('listitem');
    await expect.poll(() => versions.count()).toBeGreaterThanOrEqual(2);
    const from = panel.getByLabel('Von');
    expect(await from.locator('option:checked').textContent()).toMatch(/^Zur Zeichnung freigegeben/);
    expect(await panel.getByLabel('Bis').locator('option:checked').textContent()).toBe('jetzt');
    await panel.getByRole('button', { name: 'Vergleichen' }).click();

    const changes = panel.getByRole('list', { name: 'Projekte in § 5' }).getByRole('listitem');
    await expect.poll(() => changes.count()).toBe(3);
    const lines = await changes.allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith('Entfernt:'))).toMatch(new RegExp(`^Entfernt: gelöscht: „DREIplus - Wiedererlangung der Erwerbsfähigkeit“ aus Qualifizierungsprojekte.* – von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}$`));
    expect(lines.find((line) => line.startsWith('Neu:'))).toMatch(new RegExp(`^Neu: „Jobcoaching Plus“ in Qualifizierungsprojekte.* – von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}$`));
    expect(lines.find((line) => line.startsWith('Umbenannt:'))).toMatch(new RegExp(`^Umbenannt: Übergangsmanagement eingefügt: Schule – von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}$`));
    expect(lines.join('\n')).not.toMatch(/Werkstatt Zukunft|Strategieentwicklung/);
    expect(await panel.getByRole('list', { name: 'Maßnahmenarten' }).count()).toBe(0);

    // The same, in the document: the new entry and the renamed one are marked and labelled in words.
    const added = page.locator('.agreement-body .project-entry.history-added');
    await expect.poll(() => added.count()).toBe(1);
    expect(await added.locator('.history-note').textContent()).toMatch(new RegExp(`^Neu – von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}$`));
    const renamed = entry(page, 'p-wmk24-uebergang');
    expect(await renamed.getAttribute('data-history-change')).toBe('renamed');
    expect(await renamed.locator('.history-note ins').textContent()).toBe('eingefügt: Schule');
    expect(await page.locator('.agreement-body .history-change').count()).toBe(2);
    // The removed entry stands in its Maßnahmenart, struck through, with who removed it.
    const removed = page.locator('.agreement-body .history-ghost-entry');
    expect(await removed.count()).toBe(1);
    expect(await removed.locator('del').first().textContent()).toBe('gelöscht: DREIplus - Wiedererlangung der Erwerbsfähigkeit');
    expect(await removed.locator('.history-note').textContent()).toMatch(new RegExp(`^Entfernt – von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}$`));
    // The document scrolled to the first change: it is in view beside the panel.
    await expect.poll(() => added.evaluate((element) => element.getBoundingClientRect().top > 0 && element.getBoundingClientRect().bottom < innerHeight)).toBe(true);
    await page.screenshot({ path: 'test-results/history-compare.png' });

    // The printable summary stands alone on paper.
    await page.evaluate(() => document.documentElement.classList.add('print-compare'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.history-compare-print').isVisible()).toBe(true);
    expect(await page.locator('.sheet').isVisible()).toBe(false);
    expect(await page.locator('.history-compare-print').innerText()).toContain('Jobcoaching Plus');
    await page.screenshot({ path: 'test-results/history-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.classList.remove('print-compare'));

    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verlauf');
    expect(await page.locator('.agreement-body .history-change').count()).toBe(0);
  });

  it('says who created an entry and who changed it last, on hover and at the caret', async () => {
    const page = ministry();
    const renamed = entry(page, 'p-wmk24-uebergang');
    await renamed.hover();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toMatch(new RegExp(`Zuletzt geändert von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}`));
    expect(await renamed.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await page.screenshot({ path: 'test-results/history-attribution.png' });

    await page.mouse.move(5, 5);
    await expect.poll(() => tip.count()).toBe(0);
    // The keyboard: the caret in an entry shows the same, for that entry.
    await caretAtEnd(page, 'p-wmk24-gefl1');
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.textContent()).toMatch(/^Angelegt /);
    expect(await entry(page, 'p-wmk24-gefl1').getAttribute('aria-describedby')).toBe('entry-attribution');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
  });

  it('keeps a named version for both parties and filters the events by kind', async () => {
    const page = district();
    const panel = await openHistory(page);
    await panel.getByRole('button', { name: 'Fassung sichern' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fassung sichern' });
    await dialog.getByLabel('Name der Fassung').fill('Stand nach der Abstimmung');
    await dialog.getByRole('button', { name: 'Sichern' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const names = panel.getByRole('list', { name: 'Fassungen' }).locator('.history-version-name');
    await expect.poll(() => names.first().textContent()).toBe('Stand nach der Abstimmung');

    const ministryPanel = await openHistory(ministry());
    await expect.poll(() => ministryPanel.locator('.history-version-name').first().textContent()).toBe('Stand nach der Abstimmung');
    // Two versions, neither of them now: the same three changes.
    await ministryPanel.getByLabel('Bis').selectOption({ label: (await ministryPanel.getByLabel('Bis').locator('option', { hasText: 'Stand nach der Abstimmung' }).textContent()) ?? '' });
    await ministryPanel.getByRole('button', { name: 'Vergleichen' }).click();
    await expect.poll(() => ministryPanel.locator('.history-compare-title').textContent()).toMatch(/^Vergleich: Zur Zeichnung freigegeben .* → Stand nach der Abstimmung \(/);
    expect(await ministryPanel.getByRole('list', { name: 'Projekte in § 5' }).getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-change')).sort())).toEqual(['added', 'removed', 'renamed']);
    await ministryPanel.getByRole('button', { name: 'Vergleich beenden' }).click();
    expect(await ministry().locator('.agreement-body .history-change').count()).toBe(0);

    const events = panel.getByRole('list', { name: 'Ereignisse, neueste zuerst' }).getByRole('listitem');
    await expect.poll(async () => (await events.allInnerTexts()).some((text) => text.includes('Zur Überarbeitung zurückgeholt'))).toBe(true);
    await panel.getByRole('checkbox', { name: 'Zeichnung' }).uncheck();
    await expect.poll(async () => (await events.allInnerTexts()).some((text) => text.includes('zurückgeholt'))).toBe(false);
    expect(await events.evaluateAll((items) => items.every((item) => item.getAttribute('data-category') !== 'signoff'))).toBe(true);
    await panel.getByRole('checkbox', { name: 'Zeichnung' }).check();
    await panel.getByRole('button', { name: 'Schließen' }).click();
    await ministryPanel.getByRole('button', { name: 'Schließen' }).click();
  });

  it('tells the district of an amount the ministry changed, in the document, until it is seen', async () => {
    const page = ministry();
    await page.getByRole('button', { name: 'Betrag ändern' }).click();
    await page.getByLabel('Betrag in Euro').fill('470.000');
    await page.getByRole('button', { name: 'Betrag speichern' }).click();
    const notice = district().locator('.field-notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.locator('p').innerText()).toMatch(/^Der Betrag wurde von [\d.]+(,\d\d)? Euro auf 470\.000 Euro geändert – von .+, am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr\.$/);
    expect(await page.locator('.field-notice').count()).toBe(0);
    await district().screenshot({ path: 'test-results/history-notice.png' });
    await notice.getByRole('button', { name: 'Gesehen' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    // Compared with the version before, the document shows the new amount after § 4, with who and when.
    const ministryPanel = await openHistory(page);
    await ministryPanel.getByRole('button', { name: 'Vergleichen' }).click();
    const fieldNote = page.locator('.agreement-body .history-field-change');
    await expect.poll(() => fieldNote.count()).toBe(1);
    expect(await fieldNote.textContent()).toMatch(/^§ 4 Betrag geändert: gelöscht: [\d.]+(,\d\d)? Euro → eingefügt: 470\.000 Euro – von Referat AQB \(HMSI\), \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/);
    expect(await page.locator('.agreement-body .template-block[data-block="p4"] + .history-field-changes').count()).toBe(1);
    await ministryPanel.getByRole('button', { name: 'Schließen' }).click();
    // And it is an event of the kind Text in the Verlauf.
    const panel = await openHistory(district());
    const events = panel.getByRole('list', { name: 'Ereignisse, neueste zuerst' }).getByRole('listitem');
    await expect.poll(() => events.first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr§ 4 Betrag geändert: [\d.]+(,\d\d)? Euro → 470\.000 EuroReferat AQB \(HMSI\)$/);
    expect(await events.first().getAttribute('data-category')).toBe('text');
    await district().reload();
    await district().locator('.template-block[data-block="p4"]').waitFor();
    await expectSaved(district());
    expect(await district().locator('.field-notice').count()).toBe(0);
  });

  it('restores § 5 from the released version as a new change that everyone sees', async () => {
    const page = district();
    const panel = await openHistory(page);
    const release = panel.getByRole('list', { name: 'Fassungen' }).getByRole('listitem').filter({ hasText: 'Zur Zeichnung freigegeben' }).first();
    await release.getByRole('button', { name: /wiederherstellen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Fassung wiederherstellen' });
    await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    for (const each of [district(), ministry()]) {
      await expect.poll(() => each.locator('.agreement-body .project-entry', { hasText: 'Jobcoaching Plus' }).count()).toBe(0);
      await expect.poll(() => entry(each, 'p-wmk24-uebergang').textContent()).toBe('Übergangsmanagement');
    }
    expect(await serverText(page)).not.toContain('Jobcoaching Plus');
    const events = panel.getByRole('list', { name: 'Ereignisse, neueste zuerst' }).getByRole('listitem');
    await expect.poll(() => events.first().textContent()).toContain(`§ 5 wiederhergestellt aus Fassung „Zur Zeichnung freigegeben“${DISTRICT_NAME}`);
    // Undone by restoring the version kept just before: again a forward change everyone sees.
    await panel.getByRole('button', { name: 'Rückgängig machen' }).click();
    for (const each of [district(), ministry()]) {
      await expect.poll(() => each.locator('.agreement-body .project-entry', { hasText: 'Jobcoaching Plus' }).count()).toBe(1);
    }
    await expect.poll(() => panel.locator('.history-version-name').first().textContent()).toMatch(/^Stand vor der Wiederherstellung/);
    expect(fixture.session('wmk-referat').errors).toEqual([]);
    expect(fixture.session('hmsi-referat').errors).toEqual([]);
  });

  it('says who wrote an entry of a frozen agreement when the keyboard focuses it', async () => {
    await post(ministry(), 'release', {});
    const page = district();
    await expect.poll(() => page.locator('.agreement-body').getAttribute('contenteditable')).toBe('false');
    const strategy = entry(page, 'p-wmk24-strategie');
    await expect.poll(() => strategy.getAttribute('tabindex')).toBe('0');
    await strategy.focus();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toMatch(new RegExp(`Zuletzt geändert von ${escape(DISTRICT_NAME)}, ${DIN_DATE_TIME.source}`));
    expect(await strategy.getAttribute('aria-describedby')).toBe('entry-attribution');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-entry-id'))).toBeNull();
    await expect.poll(() => tip.count()).toBe(0);
    // A frozen agreement offers no restore.
    const panel = await openHistory(page);
    await expect.poll(() => panel.getByRole('list', { name: 'Fassungen' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await panel.getByRole('button', { name: /wiederherstellen$/ }).count()).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
