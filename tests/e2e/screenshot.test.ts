import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openAgreement, openedBy, WMK_2024 } from './harness.js';

const fixture = openedBy('wmk-referat');

describe('the agreement as a document', () => {
  it('reads like the printed agreement (full-page screenshot in test-results/agreement.png)', async () => {
    const { page, errors } = fixture.session('wmk-referat');
    // The published 2024 agreement, which the demo holds as signed on paper.
    await openAgreement(page, WMK_2024);
    const text = await page.locator('.sheet').innerText();
    expect(text).toContain('ARBEITSWELT');
    expect(text).toContain('Zielvereinbarung');
    expect(text).toContain('§\u00a01');
    expect(text).toContain('462.800 Euro');
    expect(text).toContain('Qualifizierungsprojekte zur Arbeitsmarktintegration, Fachkräftesicherung');
    expect(text).toContain('Eschwege, den 23.07.2024');
    expect(text).toContain('auf Papier unterzeichnet');
    await mkdir('test-results', { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'test-results/agreement.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
