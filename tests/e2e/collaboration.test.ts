import { describe, expect, it } from 'vitest';
import { caretAtEnd, entryText, expectSaved, openedBy, serverText, type Session } from './harness.js';

const fixture = openedBy('hmsi-referat', 'wmk-referat');
const ministry = () => fixture.session('hmsi-referat');
const district = () => fixture.session('wmk-referat');

const displayName = async (session: Session) => {
  const response = await session.page.request.get('/api/session');
  const user: unknown = await response.json();
  if (typeof user !== 'object' || user === null || !('displayName' in user) || typeof user.displayName !== 'string') throw new Error('no session');
  return user.displayName;
};

describe('two editors in two browsers', () => {
  it('see each other’s §5 edits, names and carets live', async () => {
    await caretAtEnd(ministry().page, 'p-wmk24-letswork');
    await ministry().page.keyboard.type(' – mit Sprachkurs');
    await expect.poll(() => entryText(district().page, 'p-wmk24-letswork')).toBe("Let's work – mit Sprachkurs");

    await caretAtEnd(district().page, 'p-wmk24-gefl2');
    await district().page.keyboard.type(' (Kreis)');
    await expect.poll(() => entryText(ministry().page, 'p-wmk24-gefl2')).toBe('Geflüchtete II (Kreis)');

    const districtName = await displayName(district());
    const ministryName = await displayName(ministry());
    await expect.poll(() => ministry().page.locator('.collaboration-carets__label').allTextContents()).toContain(districtName);
    await expect.poll(() => district().page.locator('.collaboration-carets__label').allTextContents()).toContain(ministryName);
    await expect.poll(() => ministry().page.locator('.presence').getAttribute('aria-label')).toBe('Ebenfalls geöffnet von');
    await expect.poll(() => ministry().page.locator('.presence').textContent()).toContain(districtName);

    await expectSaved(ministry().page);
    await expectSaved(district().page);
    const text = await serverText(ministry().page);
    expect(text).toContain("- Let's work – mit Sprachkurs\n");
    expect(text).toContain('- Geflüchtete II (Kreis)\n');
  });

  it('undoes only one’s own changes', async () => {
    await caretAtEnd(ministry().page, 'p-wmk24-strategie');
    await ministry().page.keyboard.type(' M');
    await expect.poll(() => entryText(district().page, 'p-wmk24-strategie')).toBe('Strategieentwicklung M');
    await caretAtEnd(district().page, 'p-wmk24-uebergang');
    await district().page.keyboard.type(' K');
    await expect.poll(() => entryText(ministry().page, 'p-wmk24-uebergang')).toBe('Übergangsmanagement K');

    await ministry().page.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => entryText(district().page, 'p-wmk24-strategie')).toBe('Strategieentwicklung');
    expect(await entryText(district().page, 'p-wmk24-uebergang')).toBe('Übergangsmanagement K');
    await ministry().page.getByRole('button', { name: 'Wiederholen' }).click();
    await expect.poll(() => entryText(district().page, 'p-wmk24-strategie')).toBe('Strategieentwicklung M');
    await expectSaved(ministry().page);
    await expectSaved(district().page);
  });

  it('splits a project with Enter into a new project that both see', async () => {
    await caretAtEnd(district().page, 'p-wmk24-gefl1');
    await district().page.keyboard.press('Enter');
    await district().page.keyboard.type('Jugend stärken');
    await expect.poll(() => ministry().page.locator('.project-entry', { hasText: 'Jugend stärken' }).count()).toBe(1);
    const ids = await ministry().page.locator('.project-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-entry-id')));
    expect(ids.every((id) => id !== null && id.length > 5)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    await expectSaved(district().page);
    expect(await serverText(district().page)).toContain('- Geflüchtete I\n- Jugend stärken\n- Geflüchtete II');
  });
});
