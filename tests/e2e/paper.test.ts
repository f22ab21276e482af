import { describe, expect, it } from 'vitest';
import { openedBy, signIn, WMK_2024 } from './harness.js';

const fixture = openedBy();

describe('an agreement signed on paper', () => {
  it('is recorded from the board with a pasted §5 list and its scan, and reads „auf Papier unterzeichnet“', async () => {
    const { page, errors, context } = await signIn(fixture.e2e, 'hmsi-referat');
    const scan = await (await page.request.get(`/api/agreements/${WMK_2024}/pdf`)).body();
    await page.getByRole('link', { name: 'Papiervereinbarung erfassen' }).click();
    await page.getByRole('heading', { name: 'Papiervereinbarung erfassen' }).waitFor();

    await page.getByLabel('Kreis/Stadt').selectOption('kassel');
    await page.getByLabel('Jahr').fill('2023');
    await page.getByLabel('Betrag (§ 4) in Euro').fill('512.300,00');
    const list = page.getByLabel(/^Einfügen/);
    await list.fill('Jugendwerkstatt ohne Überschrift');
    await expect.poll(() => page.locator('.paper-list-problems li').allTextContents()).toEqual([
      'Zeile 1: „Jugendwerkstatt ohne Überschrift" steht unter keiner Maßnahmenart. Bitte die Überschrift der Maßnahmenart darüber setzen.',
    ]);
    await list.fill('Maßnahmenart 1\n- Jugendwerkstatt\n- Startklar Kassel\n\nMaßnahmenart 3\n• Sprachkurs Pflege');
    await expect.poll(() => page.locator('.paper-list-ok').textContent()).toBe('3 Projekte in 2 Maßnahmenarten erkannt.');

    await page.locator('#paper-ministry-name').fill('Heike Hofmann');
    await page.locator('#paper-ministry-date').fill('2023-03-02');
    await page.locator('#paper-partner-name').fill('Sven Schoeller');
    await page.locator('#paper-partner-functions').fill('Oberbürgermeister\nder Stadt Kassel');
    await page.locator('#paper-partner-place').fill('Kassel');
    await page.locator('#paper-partner-date').fill('2023-02-20');
    await page.getByLabel('PDF, höchstens 10 MiB').setInputFiles({ name: 'ZV 2023 Kassel.pdf', mimeType: 'application/pdf', buffer: scan });
    await page.getByRole('button', { name: 'Als auf Papier unterzeichnet erfassen' }).click();

    await page.waitForURL('**/vereinbarungen/aqb-2023-kassel');
    await expect.poll(() => page.locator('.signoff-status').textContent(), { timeout: 10_000 }).toContain('Auf Papier von beiden Parteien unterzeichnet');
    const sheet = await page.locator('.sheet').innerText();
    expect(sheet).toContain('Kassel, den 20.02.2023');
    expect(sheet).toContain('auf Papier unterzeichnet');
    expect(sheet).toContain('Sprachkurs Pflege');
    expect(await page.locator('.signoff-signatures').innerText()).toContain('auf Papier unterzeichnet von Sven Schoeller, Kassel, 20.02.2023');
    await expect.poll(() => page.locator('.signoff-history li[data-kind="paper-recorded"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
