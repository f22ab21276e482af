import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.js';
import { DISTRICTS } from '../../shared/districts.js';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import { launchChromium } from './browser.js';
import { expectSaved } from './harness.js';

/**
 * Issue 10's „done": on a store started with SEED=none plus users created with `npm run user`, the
 * ministry starts the 2025 round for all 26 partners from a pasted CSV, sees the board, and a
 * district user edits its §5. Screenshots go to test-results/round-*.png.
 */
const PASSWORD = 'Rheingau-Lahn-Budget-47';
const quietLog = { info: () => undefined, warn: () => undefined, error: (event: string, data: unknown) => console.error(event, data) };
const run = promisify(execFile);

/** Exactly what an administrator types: `USER_PASSWORD=… npm run user -- add …`. */
async function addUser(dataDir: string, ...args: string[]): Promise<void> {
  await run('node_modules/.bin/tsx', ['server/cli.ts', 'add', ...args], { env: { ...process.env, DATA_DIR: dataDir, USER_PASSWORD: PASSWORD } });
}

// The ministry writes its table as it pleases: a header, type words or none, € signs, quotes.
const SPELLINGS: Readonly<Record<string, string>> = {
  'werra-meissner-kreis': 'Werra-Meißner-Kreis',
  fulda: 'Landkreis Fulda',
  kassel: 'Stadt Kassel',
  'offenbach-kreis': '"Kreis Offenbach"',
  wiesbaden: 'Wiesbaden',
};
const indexOf = (id: string) => DISTRICTS.findIndex((district) => district.id === id);
const amountOf = (index: number) => 300_000 + index * 10_000 + (index % 3) * 0.5;
const euro = (value: number) => value.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const CSV = [
  'Kreis;Betrag',
  ...DISTRICTS.map((district, index) => `${SPELLINGS[district.id] ?? (district.kind === 'landkreis' ? `Landkreis ${district.name}` : `Stadt ${district.name}`)};${euro(amountOf(index))}${index % 2 ? ' €' : ''}`),
  'Landkreis Atlantis;1.000,00',
].join('\n');
const SUM = euro(DISTRICTS.reduce((sum, _district, index) => sum + amountOf(index), 0));

let dataDir = '';
let server: RunningServer | null = null;
let browser: Browser | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vereinbar-round-'));
  await addUser(dataDir, 'm.muster', '--name', 'Maria Muster', '--role', 'ministry-editor');
  await addUser(dataDir, 'f.district', '--name', 'Frank Fuldaer', '--role', 'district-editor', '--district', 'fulda');
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seed: 'none', staticDir: 'dist/client', log: quietLog });
  browser = await launchChromium();
  await mkdir('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<{ page: Page; errors: string[] }> {
  if (!browser || !server) throw new Error('not started');
  const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/anmelden');
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zielvereinbarungen' }).waitFor();
  return { page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/round-${name}.png`, fullPage: true });

describe('the yearly round, from an empty store', () => {
  let ministry: Page;

  it('lets the ministry start the 2025 round for all 26 partners from a pasted CSV', async () => {
    ({ page: ministry } = await signIn('m.muster'));
    await ministry.getByText('Noch keine Runde angelegt.').waitFor();
    await ministry.getByRole('main').getByRole('link', { name: 'Neue Runde' }).click();
    await ministry.getByRole('heading', { level: 1, name: 'Neue Runde' }).waitFor();
    // The Vorlage is named as on the Vorlagen page, not only by its id.
    await expect.poll(() => ministry.getByLabel('Vorlage', { exact: true }).locator('option:checked').textContent()).toMatch(/^AQB \d{4}.* \(aqb-\d{4}\)$/);
    // The example function fits the partner: a „Kreis“ is not a „Landkreis“ in its title.
    expect(await ministry.locator('#partner-bergstrasse-functionLines').getAttribute('placeholder')).toBe('Landrat/Landrätin des Kreises');
    expect(await ministry.locator('#partner-fulda-functionLines').getAttribute('placeholder')).toBe('Landrat/Landrätin des Landkreises');
    expect(await ministry.locator('#partner-kassel-functionLines').getAttribute('placeholder')).toBe('Oberbürgermeister/in');

    await ministry.getByLabel('Jahr', { exact: true }).fill('2025');
    await ministry.getByLabel('Frist zur Unterzeichnung').fill('2025-11-30');
    await ministry.getByLabel('leer beginnen').check();
    await ministry.locator('#ministry-name').fill('Heike Hofmann');
    await ministry.locator('#ministry-functionLines').fill('Staatsministerin\nHessisches Ministerium\nfür Arbeit, Integration,\nJugend und Soziales');
    expect(await ministry.locator('#ministry-place').inputValue()).toBe('Wiesbaden');

    await ministry.getByLabel('Verteilung als CSV einfügen (Kreis;Betrag)').fill(CSV);
    const preview = ministry.getByRole('region', { name: 'Vorschau' });
    await expect.poll(() => preview.textContent()).toContain(`26 Zeilen gelesen, Summe ${SUM}\u00a0€, 1 nicht übernommen.`);
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['⚠ Zeile 28: „Landkreis Atlantis“ ist kein Partner des AQB.']);
    await shot(ministry, 'preview');
    await preview.getByRole('button', { name: 'Beträge in die Tabelle übernehmen' }).click();
    const wmk = ministry.getByRole('textbox', { name: 'Betrag (§\u00a04) Landkreis Werra-Meißner-Kreis', exact: true });
    expect(await wmk.inputValue()).toBe(euro(amountOf(indexOf('werra-meissner-kreis'))));

    for (const district of DISTRICTS) {
      await ministry.locator(`#partner-${district.id}-name`).fill(`Vorname ${district.name}`);
      await ministry.locator(`#partner-${district.id}-functionLines`).fill(district.kind === 'landkreis' ? `Landrat des Landkreises\n${district.name}` : 'Oberbürgermeister');
    }
    await ministry.getByRole('button', { name: 'Runde prüfen' }).click();
    const confirm = ministry.getByRole('region', { name: 'Runde 2025 anlegen?' });
    await expect.poll(() => confirm.textContent()).toContain(`Vereinbarungen26Summe der Beträge${SUM}\u00a0€Frist30.11.2025`);
    await shot(ministry, 'confirm');
    await confirm.getByRole('button', { name: 'Runde anlegen' }).click();

    await ministry.waitForURL('**/runden/2025');
    await ministry.getByRole('heading', { level: 1, name: 'Zielvereinbarungen 2025' }).waitFor();
    await expect.poll(() => ministry.locator('.board-table tbody tr').count()).toBe(26);
    expect(await ministry.locator('.board-figure-amount').textContent()).toBe(`${SUM}\u00a0€`);
    expect(await ministry.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    expect(await ministry.locator('#board-progress-label').textContent()).toBe('0 von 26 unterzeichnet');
    const fulda = ministry.locator('.board-table tr[data-district="fulda"]');
    expect(await fulda.locator('td').nth(1).textContent()).toBe(`${euro(amountOf(indexOf('fulda')))}\u00a0€`);
    await shot(ministry, 'board');
    // On a 1024 px screen the whole row fits, the Frist column (who is late) included, without scrolling sideways.
    await ministry.setViewportSize({ width: 1024, height: 768 });
    const frame = ministry.getByRole('region', { name: 'Vereinbarungen der Runde' });
    expect(await frame.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    expect(await fulda.locator('td').last().textContent()).toContain('überfällig');
    await ministry.setViewportSize({ width: 1360, height: 900 });

    const exportLink = ministry.getByRole('link', { name: 'Als CSV exportieren' });
    const csv = await ministry.request.get((await exportLink.getAttribute('href')) ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await csv.text()).toContain(euro(amountOf(indexOf('fulda'))));
  });

  it('tells the ministry in German that the round exists when it is started twice', async () => {
    await ministry.goto('/runden/neu');
    // The page proposes the year after the newest round once it knows the rounds; an official types over it.
    await expect.poll(() => ministry.getByLabel('Jahr', { exact: true }).inputValue()).toBe('2026');
    await ministry.getByLabel('Jahr', { exact: true }).fill('2025');
    await ministry.getByLabel('Frist zur Unterzeichnung').fill('2025-11-30');
    await ministry.locator('#ministry-name').fill('Heike Hofmann');
    await ministry.locator('#ministry-functionLines').fill('Staatsministerin');
    await ministry.locator('#partner-fulda-amount').fill('1.000');
    await ministry.locator('#partner-fulda-name').fill('Bernd Woide');
    await ministry.locator('#partner-fulda-functionLines').fill('Landrat');
    await ministry.getByRole('button', { name: 'Runde prüfen' }).click();
    await ministry.getByRole('button', { name: 'Runde anlegen' }).click();
    await expect.poll(() => ministry.getByRole('alert').textContent()).toContain('Landkreis Fulda');
    expect(await ministry.getByRole('alert').getByRole('link').getAttribute('href')).toBe('/runden/2025/partner');
    expect(ministry.url()).toContain('/runden/neu');
    await shot(ministry, 'conflict');
  });

  it('lets a district user of that store open its 2025 agreement and add a project to §5, and the board follows live', async () => {
    await ministry.goto('/runden/2025');
    await ministry.locator('.board-live.is-live').waitFor();
    const { page, errors } = await signIn('f.district');
    const card = page.getByRole('link', { name: /Zielvereinbarung 2025 – Landkreis Fulda/ });
    expect(await card.textContent()).toContain('Frist 30.11.2025');
    await shot(page, 'district-list');
    await card.click();
    await page.locator('.template-block[data-block="p4"]').waitFor();
    await expectSaved(page);

    await page.getByRole('button', { name: 'Maßnahmenart hinzufügen' }).click();
    await page.getByRole('menuitem', { name: MEASURE_TYPES[3] }).click();
    await page.keyboard.type('Werkstatt Zukunft');
    await expectSaved(page);
    const text = await (await page.request.get(`/api/agreements/${encodeURIComponent(page.url().split('/').pop() ?? '')}/text`)).text();
    expect(text).toContain(`${MEASURE_TYPES[3]}\n\n- Werkstatt Zukunft\n`);
    await shot(page, 'district-agreement');

    const fulda = ministry.locator('.board-table tr[data-district="fulda"]');
    await expect.poll(() => fulda.locator('td').nth(2).textContent(), { timeout: 15_000 }).toBe('1');
    expect(await fulda.locator('.board-activity').textContent()).toContain('Frank Fuldaer');
    expect(errors).toEqual([]);
  });

  it('starts the next year from last year: signatories prefilled, §5 carried over, a partner added later', async () => {
    await ministry.goto('/runden/neu');
    // After the 2025 round the form proposes 2026, whatever the calendar year, and carries §5 over from 2025.
    await expect.poll(() => ministry.getByLabel('Jahr', { exact: true }).inputValue()).toBe('2026');
    expect(await ministry.locator('#round-carryOver').textContent()).toContain('§\u00a05 aus dem Vorjahr (2025) übernehmen');
    await expect.poll(() => ministry.locator('#partner-fulda-name').inputValue()).toBe('Vorname Fulda');
    expect(await ministry.locator('#ministry-name').inputValue()).toBe('Heike Hofmann');
    expect(await ministry.locator('#partner-fulda-amount-hint').textContent()).toContain(`Vorjahr ${euro(amountOf(indexOf('fulda')))}\u00a0€`);
    await ministry.getByLabel('Frist zur Unterzeichnung').fill('2026-12-18');
    await ministry.locator('#partner-fulda-amount').fill('500.000');
    await ministry.getByRole('button', { name: 'Runde prüfen' }).click();
    const confirm = ministry.getByRole('region', { name: 'Runde 2026 anlegen?' });
    await expect.poll(() => confirm.textContent()).toContain('aus dem Vorjahr übernehmen');
    expect(await confirm.getByRole('status').textContent()).toContain('Ohne Betrag, daher nicht angelegt (25)');
    await confirm.getByRole('button', { name: 'Runde anlegen' }).click();
    await ministry.waitForURL('**/runden/2026');
    await expect.poll(() => ministry.locator('.board-table tbody tr').count()).toBe(1);
    expect(await ministry.locator('.board-table tr[data-district="fulda"] td').nth(2).textContent()).toBe('1');

    await ministry.getByRole('link', { name: 'Partner hinzufügen' }).click();
    await ministry.getByRole('heading', { level: 1, name: 'Partner zur Runde 2026 hinzufügen' }).waitFor();
    expect(await ministry.locator('#partner-fulda-amount').count()).toBe(0);
    await ministry.getByLabel('Verteilung als CSV einfügen (Kreis;Betrag)').fill('Wiesbaden;123.456,78');
    await ministry.getByRole('button', { name: 'Beträge in die Tabelle übernehmen' }).click();
    await ministry.getByRole('button', { name: 'Prüfen' }).click();
    await ministry.getByRole('button', { name: 'Hinzufügen' }).click();
    await ministry.waitForURL('**/runden/2026');
    await expect.poll(() => ministry.locator('.board-table tbody tr').count()).toBe(2);
    expect(await ministry.locator('.board-figure-amount').textContent()).toBe('623.456,78\u00a0€');

    await ministry.goto('/vereinbarungen/aqb-2026-fulda');
    await ministry.locator('.project-entry', { hasText: 'Werkstatt Zukunft' }).waitFor();
    await ministry.getByRole('button', { name: 'Änderungen gegenüber 2025' }).click();
    const panel = ministry.getByRole('region', { name: 'Änderungen gegenüber 2025' });
    const text = await panel.innerText();
    expect(text).toContain(`§\u00a04 Betrag: ${euro(amountOf(indexOf('fulda')))} Euro → 500.000 Euro (+`);
    expect(text).toContain('In §\u00a05 hat sich gegenüber 2025 nichts geändert.');
  });
});

