import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openedBy, WMK } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-landraetin', 'hmsi-ministerin');
const editor = () => fixture.session('hmsi-referat');
const landraetin = () => fixture.session('wmk-landraetin');
const ministerin = () => fixture.session('hmsi-ministerin');
const everyone = () => [editor(), landraetin(), ministerin()];

const badge = (page: Page) => page.locator('.breadcrumbs .status-badge').textContent();
const signatureSpaces = (page: Page) => page.locator('.signatures .signature-space').allInnerTexts();

async function signAs(page: Page, expectedSeat: string) {
  await page.getByRole('button', { name: 'Unterzeichnen' }).click();
  const dialog = page.getByRole('dialog');
  expect(await dialog.getByLabel('Ort', { exact: true }).inputValue()).toBe(expectedSeat);
  // The password field has the focus: type it and confirm with the keyboard.
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  // Signing checks the password with scrypt, deliberately slow: on a loaded machine past the default second.
  await expect.poll(() => page.locator('dialog[open]').count(), { timeout: 10_000 }).toBe(0);
}

describe('signing an agreement in the browser', () => {
  it('turns every open editor read-only the moment the ministry releases the draft', async () => {
    const { page } = editor();
    expect(await page.locator('.agreement-body').getAttribute('contenteditable')).toBe('true');
    await page.getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    // Release is a decision: the dialog says what happens, then it is confirmed.
    await page.getByRole('dialog', { name: 'Zur Zeichnung freigeben?' }).getByRole('button', { name: 'Verbindlich freigeben' }).click();
    for (const session of everyone()) await expect.poll(() => badge(session.page)).toBe('Zur Zeichnung freigegeben');
    await expect.poll(() => page.locator('.agreement-body').getAttribute('contenteditable')).toBe('false');
    expect(await page.locator('.read-only-badge').textContent()).toBe('Bearbeitung gesperrt');
    await expect.poll(() => landraetin().page.getByRole('button', { name: 'Unterzeichnen' }).count()).toBe(1);
    expect(await editor().page.getByRole('button', { name: 'Unterzeichnen' }).count()).toBe(0);
  });

  it('lets the district signatory sign first; everyone sees her signature live', async () => {
    await signAs(landraetin().page, 'Eschwege');
    for (const session of everyone()) {
      await expect.poll(() => badge(session.page)).toBe('Teilweise unterzeichnet');
      await expect.poll(async () => (await signatureSpaces(session.page)).join('|')).toMatch(/^\|elektronisch unterzeichnet · SHA-256 [0-9a-f ]{19}$/);
    }
    expect(await landraetin().page.getByRole('button', { name: 'Unterzeichnen' }).count()).toBe(0);
  });

  it('makes the agreement final when the ministry signatory signs, live in every browser', async () => {
    await signAs(ministerin().page, 'Wiesbaden');
    for (const session of everyone()) {
      await expect.poll(() => badge(session.page)).toBe('Unterzeichnet');
      await expect.poll(() => session.page.locator('.signoff-status').textContent()).toContain('endgültig');
      await expect.poll(() => session.page.locator('.signoff-history li[data-kind="final"]').count()).toBe(1);
      expect(await session.page.getByRole('button', { name: 'Zur Überarbeitung zurückholen' }).count()).toBe(0);
    }
    const history = await editor().page.locator('.signoff-history li').allInnerTexts();
    expect(history.map((line) => line.split('\n')[1] ?? line)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Zur Zeichnung freigegeben/), 'Unterzeichnet für den Werra-Meißner-Kreis in Eschwege', 'Unterzeichnet für das Ministerium in Wiesbaden']),
    );
    for (const session of everyone()) expect(session.errors).toEqual([]);
  });

  it('downloads the final PDF; its signature page is rendered to test-results/signed-agreement-p*.png', async () => {
    const { page } = editor();
    const response = await page.request.get(`/api/agreements/${WMK}/pdf`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await response.body();
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/signed-agreement.pdf', pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['test-results/signed-agreement.pdf']).toString())?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', 'test-results/signed-agreement.pdf', 'test-results/signed-agreement-p']);
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', String(pages), '-l', String(pages), 'test-results/signed-agreement.pdf', 'test-results/signed-agreement-p']);
    const text = execFileSync('pdftotext', ['test-results/signed-agreement.pdf', '-']).toString().replace(/\s+/g, ' ');
    const hash = await page.getByTestId('release-hash').textContent();
    expect(text).toContain(`Prüfwert (SHA-256) des freigegebenen Textes: ${hash ?? ''}`);
    await page.locator('.signoff').screenshot({ path: 'test-results/signoff-panel.png' });
  });
});
