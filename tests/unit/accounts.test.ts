import { describe, expect, it } from 'vitest';
import { describeUserEvent } from '../../shared/accounts/events.js';
import { filterUsers, NO_FILTER } from '../../shared/accounts/filter.js';
import type { UserSummary } from '../../shared/accounts/types.js';
import { COMMON_PASSWORDS } from '../../server/auth/commonPasswords.js';
import { passwordProblem } from '../../server/auth/passwordPolicy.js';
import { decideChange, type AccountShape } from '../../server/policies/users.js';

const admin: AccountShape = { username: 'hmsi-referat', role: 'ministry-editor', districtId: null, admin: true, active: true };
const district: AccountShape = { username: 'fd-referat', role: 'district-editor', districtId: 'fulda', admin: false, active: true };

describe('the account policy', () => {
  it('keeps at least one active ministry admin', () => {
    expect(decideChange('x', admin, { ...admin, admin: false }, 1)).toMatchObject({ ok: false, status: 409 });
    expect(decideChange('x', admin, { ...admin, active: false }, 1)).toMatchObject({ ok: false, status: 409 });
    expect(decideChange('x', admin, { ...admin, admin: false }, 2)).toEqual({ ok: true });
    expect(decideChange('x', admin, { ...admin, displayName: 'neu' } as AccountShape, 1)).toEqual({ ok: true });
  });

  it('refuses self-deactivation and admin rights for district users', () => {
    expect(decideChange('hmsi-referat', admin, { ...admin, active: false }, 5)).toMatchObject({ ok: false, message: 'Sie können Ihr eigenes Konto nicht deaktivieren.' });
    expect(decideChange('x', district, { ...district, admin: true }, 1)).toMatchObject({ ok: false, status: 400 });
    expect(decideChange('x', district, { ...district, districtId: null }, 1)).toMatchObject({ ok: false, status: 400 });
    expect(decideChange('x', district, { ...district, role: 'viewer', districtId: null }, 1)).toEqual({ ok: true });
  });
});

describe('the password rule', () => {
  it('ships a few hundred known passwords', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
  });

  it.each(['Passwort2025!', 'sommer2024!!!!', '!!qwertzuiop!!', '123456789012', '987654321098', '121212121212', 'xyxyxyxyxyxy', 'Willkommen123'])('refuses %s', (password) => {
    expect(passwordProblem(password, 'someone')).toMatch(/^Dieses Passwort ist zu leicht/);
  });

  it.each(['Hessen-AQB-2025-neu', 'korrekt Pferd Batterie', 'tR7#kLm2pQ9z'])('accepts %s', (password) => {
    expect(passwordProblem(password, 'someone')).toBeNull();
  });

  it('counts characters, not bytes, and refuses the username', () => {
    expect(passwordProblem('äöüäöüäöüäö', 'x')).toBe('Das Passwort muss mindestens 12 Zeichen lang sein (dieses hat 11).');
    expect(passwordProblem('Maria.Muster.F', 'maria.muster.f')).toBe('Das Passwort darf nicht der Benutzername sein.');
  });
});

const row = (username: string, displayName: string, districtId: string | null, role: UserSummary['role'], partyLabel: string): UserSummary => ({
  username, displayName, email: `${username}@example.org`, role, districtId, partyLabel, admin: false, active: true, mustChangePassword: false, createdAt: 0, updatedAt: 0,
});

describe('the Benutzer list', () => {
  const users = [
    row('wmk-referat', 'Fachdienst Arbeit', 'werra-meissner-kreis', 'district-editor', 'Werra-Meißner-Kreis'),
    row('fd-referat', 'Referat AQB', 'fulda', 'district-editor', 'Landkreis Fulda'),
    row('hmsi-ministerin', 'Heike Hofmann', null, 'ministry-signatory', 'Ministerium'),
  ];

  it('lists the ministry first, then the parties alphabetically', () => {
    expect(filterUsers(users, NO_FILTER).map((u) => u.username)).toEqual(['hmsi-ministerin', 'fd-referat', 'wmk-referat']);
  });

  it('searches name, username and e-mail, and filters by party and role', () => {
    expect(filterUsers(users, { ...NO_FILTER, query: 'HOFM' }).map((u) => u.username)).toEqual(['hmsi-ministerin']);
    expect(filterUsers(users, { ...NO_FILTER, query: 'fd-referat@' }).map((u) => u.username)).toEqual(['fd-referat']);
    expect(filterUsers(users, { ...NO_FILTER, party: 'ministry' }).map((u) => u.username)).toEqual(['hmsi-ministerin']);
    expect(filterUsers(users, { ...NO_FILTER, party: 'fulda', role: 'district-editor' }).map((u) => u.username)).toEqual(['fd-referat']);
    expect(filterUsers(users, { ...NO_FILTER, role: 'viewer' })).toEqual([]);
  });

  it('says in German what an audit event changed', () => {
    const event = { id: 1, at: 0, actor: 'hmsi-referat', target: 'f.dorn', kind: 'changed' as const, changes: [{ field: 'role' as const, from: 'district-editor', to: 'district-signatory' }, { field: 'districtId' as const, from: 'fulda', to: 'kassel' }] };
    expect(describeUserEvent(event)).toBe('Rolle: Kreis/Stadt, Referat → Kreis/Stadt, Zeichnungsberechtigt; Partei: Landkreis Fulda → Stadt Kassel');
    expect(describeUserEvent({ ...event, kind: 'deactivated', changes: [] })).toBe('Deaktiviert');
  });
});
