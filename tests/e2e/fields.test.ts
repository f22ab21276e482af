import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openedBy, serverText } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const ministry = () => fixture.session('hmsi-referat');
const district = () => fixture.session('wmk-referat');

const amountText = (page: Page) => page.locator('.template-block[data-block="p4"] .piece-amount').evaluate((element) => element.firstChild?.textContent ?? '');

describe('the §4 amount field', () => {
  it('is offered to the ministry editor only', async () => {
    await expect.poll(() => ministry().page.getByRole('button', { name: 'Betrag ändern' }).count()).toBe(1);
    expect(await district().page.getByRole('button', { name: 'Betrag ändern' }).count()).toBe(0);
  });

  it('explains in German what it cannot read', async () => {
    const { page } = ministry();
    await page.getByRole('button', { name: 'Betrag ändern' }).click();
    const input = page.getByLabel('Betrag in Euro');
    await input.fill('viel Geld');
    await page.getByRole('button', { name: 'Betrag speichern' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bitte einen Betrag in Euro angeben');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  });

  it('changed by the ministry editor appears at once in the district’s open editor', async () => {
    const { page } = ministry();
    await page.getByRole('button', { name: 'Betrag ändern' }).click();
    await page.getByLabel('Betrag in Euro').fill('500.000,50');
    await page.getByRole('button', { name: 'Betrag speichern' }).click();
    await expect.poll(() => amountText(district().page)).toBe('500.000,50 Euro');
    await expect.poll(() => amountText(ministry().page)).toBe('500.000,50 Euro');
    expect(await serverText(district().page)).toContain('\n500.000,50 Euro\n');
    expect(ministry().errors).toEqual([]);
    expect(district().errors).toEqual([]);
  });
});
