import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caretAtEnd, entry, openAgreement, openedBy } from './harness.js';

const fixture = openedBy('hmsi-referat');
const page = () => fixture.session('hmsi-referat').page;
const ENTRY = 'p-wmk24-letswork';
const QUESTION = 'Wer ist der Träger?';

const box = async (p: Page, selector: string) => {
  const found = await p.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not visible`);
  return found;
};
const toggle = (p: Page) => p.locator('#comments-toggle');
const thread = (p: Page) => p.locator('article.thread', { hasText: QUESTION });

/** The panel's x range beside the sheet's, and how far the thread stands from its entry. */
async function geometry(p: Page) {
  const sheet = await box(p, 'article.sheet');
  const panel = await box(p, '.comments-sidebar');
  const card = await thread(p).boundingBox();
  const project = await entry(p, ENTRY).boundingBox();
  if (!card || !project) throw new Error('thread or entry not visible');
  return { sheet, panel, offset: Math.abs(card.y - project.y) };
}

mkdirSync('test-results', { recursive: true });

describe('comments on narrow screens', () => {
  it('keeps the panel beside the sheet at 1280 px, each thread at its entry', async () => {
    const p = page();
    await caretAtEnd(p, ENTRY);
    await p.getByRole('button', { name: 'Kommentieren', exact: true }).click();
    await p.getByRole('textbox', { name: 'Kommentar', exact: true }).fill(QUESTION);
    await p.keyboard.press('Control+Enter');
    await thread(p).waitFor();
    expect(await toggle(p).textContent()).toBe('Kommentare (1)');
    expect(await toggle(p).getAttribute('aria-expanded')).toBe('true');
    const { sheet, panel, offset } = await geometry(p);
    expect(panel.x).toBeGreaterThanOrEqual(sheet.x + sheet.width);
    expect(panel.x + panel.width).toBeLessThanOrEqual(1280);
    expect(offset).toBeLessThan(200);
  });

  it('keeps it beside at 1024 px, collapses it to a full-width sheet and remembers that', async () => {
    const p = page();
    await p.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await geometry(p)).offset).toBeLessThan(200);
    const { sheet, panel } = await geometry(p);
    expect(panel.x).toBeGreaterThanOrEqual(sheet.x + sheet.width);
    expect(panel.x + panel.width).toBeLessThanOrEqual(1024);
    expect(sheet.width).toBeGreaterThan(600);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await thread(p).scrollIntoViewIfNeeded();
    await p.screenshot({ path: 'test-results/narrow-1024.png' });

    await toggle(p).click();
    expect(await toggle(p).getAttribute('aria-expanded')).toBe('false');
    expect(await p.locator('.comments-sidebar').isVisible()).toBe(false);
    const wide = await box(p, 'article.sheet');
    // The sheet's own full width (800 px, as at 1280 px), no longer squeezed by the panel.
    expect(wide.width).toBe(800);
    expect(wide.width).toBeGreaterThan(sheet.width + 90);

    await openAgreement(p);
    expect(await toggle(p).getAttribute('aria-expanded')).toBe('false');
    expect(await p.locator('.comments-sidebar').isVisible()).toBe(false);
    await toggle(p).click();
    await expect.poll(async () => (await geometry(p)).offset).toBeLessThan(200);
  });

  it('is a drawer on a 768 px tablet: opened by keyboard it takes the focus, Escape closes it', async () => {
    const p = page();
    await p.setViewportSize({ width: 768, height: 1024 });
    await expect.poll(async () => (await geometry(p)).offset).toBeLessThan(200);
    const { sheet, panel } = await geometry(p);
    // Over the right part of the sheet, flush with the window's edge; the sheet keeps its width.
    expect(panel.x).toBeGreaterThan(sheet.x + sheet.width / 2 - 100);
    expect(Math.round(panel.x + panel.width)).toBe(768);
    expect(sheet.width).toBeGreaterThan(700);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await thread(p).scrollIntoViewIfNeeded();
    await p.screenshot({ path: 'test-results/narrow-768.png' });

    await thread(p).getByRole('button').first().focus();
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('.comments-sidebar').isVisible()).toBe(false);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('comments-toggle');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('comments-panel-title');
    expect(await toggle(p).getAttribute('aria-expanded')).toBe('true');
  });

  it('opens the closed drawer when the release dialog leads to an open comment', async () => {
    const p = page();
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('.comments-sidebar').isVisible()).toBe(false);
    await p.getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    const dialog = p.getByRole('dialog', { name: 'Zur Zeichnung freigeben?' });
    await dialog.getByRole('button', { name: /Offener Kommentar zu „Let's work“/ }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent ?? '')).toContain(QUESTION);
    expect(await p.locator('.comments-sidebar').isVisible()).toBe(true);
    expect(await toggle(p).getAttribute('aria-expanded')).toBe('true');
  });

  it('lets Escape close a dialog inside the drawer, and only the dialog', async () => {
    const p = page();
    await thread(p).getByRole('button', { name: 'Löschen' }).click();
    const dialog = p.getByRole('dialog', { name: 'Kommentar löschen?' });
    await dialog.waitFor();
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await p.locator('.comments-sidebar').isVisible()).toBe(true);
    expect(await thread(p).count()).toBe(1);
  });
});
