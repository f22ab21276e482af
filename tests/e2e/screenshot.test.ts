import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openedBy } from './harness.js';

const fixture = openedBy('wmk-referat');

describe('the agreement as a document', () => {
  it('reads like the printed agreement (full-page screenshot in test-results/agreement.png)', async () => {
    const { page, errors } = fixture.session('wmk-referat');
    const text = await page.locator('.sheet').innerText();
    expect(text).toContain('ARBEITSWELT');
    expect(text).toContain('Zielvereinbarung');
    expect(text).toContain('§\u00a01');
    expect(text).toContain('462.800 Euro');
    expect(text).toContain('Qualifizierungsprojekte zur Arbeitsmarktintegration, Fachkräftesicherung');
    // The seeded draft is not signed: its blocks show neither mark nor date (issue 13).
    expect(text).toContain('Eschwege, den');
    expect(text).not.toContain('23.07.2024');
    await mkdir('test-results', { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'test-results/agreement.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
