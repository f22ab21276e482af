import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateRoundRequest, RoundSummary } from '../../shared/rounds/types.js';
import { expectSaved, openAgreement, openedBy, signIn } from './harness.js';

const fixture = openedBy();
const WMK_2025 = 'aqb-2025-werra-meissner-kreis';

const signatory = { name: 'Nicole Rathgeber', functionLines: ['Landrätin des Landkreises', 'Werra-Meißner-Kreis'], place: 'Eschwege' };
const ROUND: CreateRoundRequest = {
  year: 2025,
  templateVersion: 'aqb-2024',
  deadline: '2026-12-31',
  carryOver: 'previous',
  ministrySignatory: { name: 'Heike Hofmann', functionLines: ['Staatsministerin'], place: 'Wiesbaden' },
  agreements: [{ districtId: 'werra-meissner-kreis', amountCents: 480_000_00, signatory }],
};

/** The demo's 2025 round, with the Werra-Meißner-Kreis' §5 carried over from 2024 (created here where the demo lacks it). */
async function ensureRound(page: Page): Promise<void> {
  const rounds = (await (await page.request.get('/api/rounds')).json()) as RoundSummary[];
  if (rounds.some((round) => round.year === 2025)) return;
  const response = await page.request.post('/api/rounds', { data: ROUND, headers: { Origin: fixture.e2e.server.url } });
  expect(response.status()).toBe(201);
}

/** Puts the caret at the end of the 2025 entry carried over from that 2024 entry (see harness.caretAtEnd). */
async function caretAtEndOf(page: Page, carriedFrom: string): Promise<void> {
  await page.locator(`.project-entry[data-carried-from="${carriedFrom}"]`).click();
  await page.keyboard.press('End');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Whether the toggle's own middle is what a click there reaches, and the panel starts below it. */
function toggleUncovered(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const toggle = document.querySelector('.changes-toggle');
    const panel = document.getElementById('changes-panel');
    if (!toggle || !panel) return false;
    const rect = toggle.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return toggle.contains(hit) && panel.getBoundingClientRect().top >= rect.bottom;
  });
}

describe('changes since last year', () => {
  it('lists and marks in §5 what is new, removed, renamed and moved since 2024, by lineage', async () => {
    const ministry = await signIn(fixture.e2e, 'hmsi-referat');
    await ensureRound(ministry.page);
    await ministry.context.close();

    const { page, errors } = await signIn(fixture.e2e, 'wmk-referat');
    await openAgreement(page, WMK_2025);
    await caretAtEndOf(page, 'p-wmk24-letswork');
    await page.keyboard.type(' plus');
    await caretAtEndOf(page, 'p-wmk24-gefl2');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Sprachcafé');
    await caretAtEndOf(page, 'p-wmk24-gefl1');
    await page.keyboard.press('Control+Shift+Backspace');
    await caretAtEndOf(page, 'p-wmk24-uebergang');
    await page.keyboard.press('Alt+ArrowDown');
    await expectSaved(page);

    const toggle = page.getByRole('button', { name: 'Änderungen gegenüber 2024' });
    await toggle.click();
    const panel = page.getByRole('region', { name: 'Änderungen gegenüber 2024' });
    await panel.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The open panel lies below its toggle, which stays visible to close it (at the top of the page, at 1280 and 1024 px).
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => document.scrollingElement?.scrollTo(0, 0));
      await expect.poll(() => toggleUncovered(page)).toBe(true);
    }
    const text = await panel.innerText();
    expect(text).toContain('Neu (1)\nSprachcafé');
    expect(text).toContain('Entfernt (1)\nGeflüchtete I');
    expect(text).toContain('Umbenannt (1)\n„Let\'s work“ → „Let\'s work plus“');
    expect(text).toContain('In andere Maßnahmenart verschoben (1)\nÜbergangsmanagement (Maßnahmenart 3 → 4)');
    expect(text).toMatch(/462\.800 Euro → \d{3}\.\d{3}(,\d\d)? Euro|unverändert 462\.800 Euro/);

    const marks = await page.locator('.project-entry.entry-change').evaluateAll((items) => items.map((item) => [item.textContent, item.getAttribute('data-change')]));
    expect(marks).toEqual([
      ["Let's work plus", 'umbenannt, vorher „Let\'s work“'],
      ['Sprachcafé', 'neu'],
      ['Übergangsmanagement', 'andere Maßnahmenart (vorher 3)'],
    ]);
    await mkdir('test-results', { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'test-results/round-changes.png' });
    await page.locator('.measure-group[data-measure-type="4"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/round-changes-marks.png' });

    await toggle.click();
    await expect.poll(() => page.locator('.project-entry.entry-change').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
