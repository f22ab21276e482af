import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caretAtEnd, openAgreement, signIn, startE2E, WMK_2024, type E2E, type Session } from './harness.js';

/**
 * axe-core (WCAG 2.0/2.1, A and AA) on every page and every state a person meets: 0 serious or
 * critical violations; the moderate and minor ones are printed with their ids, so they stay in view.
 * No rule is switched off.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(page: Page, state: string): Promise<void> {
  // Let transitions and the alignment of the comments settle before axe reads colours and boxes.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = result.violations.filter((v) => !grave.includes(v));
  for (const v of other) console.log(`axe ${state}: ${v.impact ?? '?'} ${v.id} (${v.nodes.length}×) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  const described = grave.map((v) => `${v.impact ?? '?'} ${v.id}: ${v.help} – ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(described, `axe in state „${state}“`).toEqual([]);
}

mkdirSync('test-results', { recursive: true });

let e2e: E2E;
const sessions = new Map<string, Session>();
async function as(username: string): Promise<Page> {
  let session = sessions.get(username);
  if (!session) {
    session = await signIn(e2e, username);
    sessions.set(username, session);
  }
  return session.page;
}

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

describe('accessibility (axe, WCAG 2.1 AA) on every page and state', () => {
  it('login, also with an error shown', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('Benutzername').waitFor();
    await expectAccessible(page, 'login');
    await page.getByLabel('Benutzername').fill('hmsi-referat');
    await page.getByLabel('Passwort').fill('falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'login with error');
    await context.close();
  });

  it('agreement list, round board and notifications (ministry)', async () => {
    const page = await as('hmsi-referat');
    await expectAccessible(page, 'agreement list');
    await page.goto('/runden/2025');
    await page.locator('.board-table, table').first().waitFor();
    await expectAccessible(page, 'round board');
    await page.locator('.bell-button').click();
    await page.getByRole('region', { name: 'Benachrichtigungen' }).waitFor();
    await expectAccessible(page, 'notifications list');
    await page.keyboard.press('Escape');
  });

  it('round creation and the paper agreement form', async () => {
    const page = await as('hmsi-referat');
    await page.goto('/runden/neu');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'new round');
    await page.goto('/papiervereinbarung');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'paper agreement');
  });

  it('Benutzer with its dialogs, and Mein Konto', async () => {
    const page = await as('hmsi-referat');
    await page.goto('/benutzer');
    await page.getByRole('heading', { name: 'Benutzer', exact: true }).waitFor();
    await expectAccessible(page, 'users');
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'create user dialog');
    await page.keyboard.press('Escape');
    await page.locator('.user-table tr[data-username="wmk-gast"]').getByRole('button', { name: 'Gast (Werra-Meißner-Kreis)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Deaktivieren' }).waitFor();
    await expectAccessible(page, 'user dialog');
    await dialog.getByRole('button', { name: 'Deaktivieren' }).click();
    await dialog.locator('.user-confirm').waitFor();
    await expectAccessible(page, 'deactivate confirmation');
    await page.keyboard.press('Escape');
    await page.goto('/konto');
    await page.getByRole('heading', { name: 'Mein Konto' }).waitFor();
    await expectAccessible(page, 'my account');
    await page.getByLabel('Bisheriges Passwort').fill('x');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectAccessible(page, 'my account with an error');
  });

  it('404 page', async () => {
    const page = await as('hmsi-referat');
    await page.goto('/gibt-es-nicht');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, '404');
  });

  it('the draft as ministry editor, with comments, amount and Maßnahmenart dialogs', async () => {
    const page = await as('hmsi-referat');
    await openAgreement(page);
    await expectAccessible(page, 'draft as ministry editor');
    await page.getByRole('button', { name: 'Änderungen gegenüber 2024' }).click();
    await page.getByRole('heading', { name: 'Änderungen gegenüber 2024' }).waitFor();
    await expectAccessible(page, 'changes since last year');
    await page.getByRole('button', { name: 'Änderungen gegenüber 2024' }).click();
    await page.getByRole('button', { name: 'Betrag ändern' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'amount dialog');
    await page.keyboard.press('Escape');

    await caretAtEnd(page, 'p-wmk24-letswork');
    await page.getByRole('button', { name: 'Kommentieren', exact: true }).click();
    await page.getByRole('textbox', { name: 'Kommentar', exact: true }).waitFor();
    await expectAccessible(page, 'new thread');
    await page.getByRole('textbox', { name: 'Kommentar', exact: true }).fill('Ist der Träger bestätigt?');
    await page.keyboard.press('Control+Enter');
    await page.locator('article.thread', { hasText: 'Ist der Träger bestätigt?' }).waitFor();
    await expectAccessible(page, 'comments with a thread');

    await caretAtEnd(page, 'p-wmk24-letswork');
    await page.getByRole('button', { name: 'Maßnahmenart entfernen' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'remove Maßnahmenart confirmation');
    await page.screenshot({ path: 'test-results/remove-measure-type-dialog.png' });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    await page.getByRole('dialog', { name: 'Zur Zeichnung freigeben?' }).waitFor();
    await expectAccessible(page, 'release dialog with an open point');
    await page.keyboard.press('Escape');

    // The comment panel as a tablet's drawer, and the sheet with the panel collapsed.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.locator('.comments-sidebar.is-drawer').waitFor();
    await expectAccessible(page, 'comments as a drawer (768 px)');
    await page.locator('#comments-toggle').click();
    await expectAccessible(page, 'comments collapsed (768 px)');
    await page.locator('#comments-toggle').click();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the draft as district editor and as viewer', async () => {
    const district = await as('wmk-referat');
    await openAgreement(district);
    await expectAccessible(district, 'draft as district editor');
    const viewer = await as('wmk-gast');
    await openAgreement(viewer);
    await expectAccessible(viewer, 'draft as viewer');
  });

  it('released, with the sign and reopen dialogs', async () => {
    const page = await as('hmsi-referat');
    const thread = page.locator('article.thread', { hasText: 'Ist der Träger bestätigt?' });
    await thread.getByRole('button', { name: '✓ Erledigt' }).click();
    await page.getByRole('button', { name: 'Zur Zeichnung freigeben' }).click();
    const release = page.getByRole('dialog', { name: 'Zur Zeichnung freigeben?' });
    await release.getByRole('button', { name: 'Verbindlich freigeben' }).click();
    await page.getByRole('button', { name: 'Zur Überarbeitung zurückholen' }).waitFor();
    await expectAccessible(page, 'released as ministry editor');
    await page.getByRole('button', { name: 'Zur Überarbeitung zurückholen' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'reopen dialog');
    await page.keyboard.press('Escape');

    const signatory = await as('wmk-landraetin');
    await openAgreement(signatory);
    await signatory.getByRole('button', { name: 'Unterzeichnen' }).click();
    await signatory.getByRole('dialog').waitFor();
    await expectAccessible(signatory, 'sign dialog');
    await signatory.getByRole('dialog').getByLabel('Passwort').fill('demo');
    await signatory.keyboard.press('Enter');
    // The password check (scrypt) is deliberately slow: on a loaded machine past the default second.
    await expect.poll(() => signatory.getByRole('button', { name: 'Unterzeichnen' }).count(), { timeout: 15_000 }).toBe(0);
    await expectAccessible(signatory, 'released, signed by the district');
  });

  it('final: the 2024 agreement signed on paper', async () => {
    const page = await as('wmk-referat');
    await page.goto(`/vereinbarungen/${WMK_2024}`);
    await page.locator('.template-block[data-block="p4"]').waitFor();
    await expectAccessible(page, 'final (paper)');
  });
});
