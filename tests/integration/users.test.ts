import { describe, expect, it, vi } from 'vitest';
import type { CurrentUser, UserSummary } from '../../shared/accounts/types.js';
import { FULDA, WMK, login, newClient, suiteServer, synced } from './harness.js';
import { tryUpgrade } from './rawClient.js';
import { call, errorOf, listUsers, userEvents } from './usersClient.js';

const ONE_TIME = 'Einmal-Zugang-Fulda-7';
const OWN = 'Meine-eigene-Losung-42';

const newUser = (username: string, overrides: Record<string, unknown> = {}) => ({
  username,
  displayName: 'Frieda Dorn',
  email: 'f.dorn@landkreis-fulda.example',
  role: 'district-editor',
  districtId: 'fulda',
  admin: false,
  password: ONE_TIME,
  ...overrides,
});

describe('Benutzer: the ministry admin manages accounts', () => {
  const suite = suiteServer({ admin: 'hmsi-referat', ministerin: 'hmsi-ministerin', district: 'wmk-referat' });

  it('is open to ministry admins only: 401 without a session, 403 for everyone else', async () => {
    const { server, cookies } = suite;
    expect((await call(server, null, 'GET', '/users')).status).toBe(401);
    for (const cookie of [cookies.ministerin, cookies.district]) {
      const answer = await call(server, cookie, 'GET', '/users');
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toBe('Benutzer verwaltet nur das Ministerium (Konten mit Benutzerverwaltung).');
      expect((await call(server, cookie, 'POST', '/users', newUser('eindringling'))).status).toBe(403);
      expect((await call(server, cookie, 'POST', '/users/wmk-gast/deactivate', {})).status).toBe(403);
    }
    const session = (await call(server, cookies.admin, 'GET', '/session')).body as CurrentUser;
    expect(session).toMatchObject({ username: 'hmsi-referat', admin: true, mustChangePassword: false });
    const users = await listUsers(server, cookies.admin);
    expect(users.map((u) => u.username)).toContain('wmk-landraetin');
    expect(users.find((u) => u.username === 'hmsi-referat')).toMatchObject({ admin: true, active: true, partyLabel: 'Ministerium' });
  });

  it('creates a user, changes role and district, and records every change as an audit event', async () => {
    const { server, cookies } = suite;
    const created = await call(server, cookies.admin, 'POST', '/users', newUser('f.dorn'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'f.dorn', partyLabel: 'Landkreis Fulda', active: true, mustChangePassword: true, admin: false });
    expect(errorOf(await call(server, cookies.admin, 'POST', '/users', newUser('f.dorn')))).toBe('Den Benutzernamen „f.dorn“ gibt es schon.');
    expect(errorOf(await call(server, cookies.admin, 'POST', '/users', newUser('x.admin', { admin: true })))).toBe('Nur Benutzer des Ministeriums können Benutzer verwalten.');
    expect(errorOf(await call(server, cookies.admin, 'POST', '/users', newUser('x.weak', { password: 'Passwort2025!' })))).toMatch(/^Dieses Passwort ist zu leicht/);

    const hers = await login(server, 'f.dorn', ONE_TIME);
    const changed = await call(server, cookies.admin, 'PATCH', '/users/f.dorn', { role: 'district-signatory', districtId: 'werra-meissner-kreis' });
    expect(changed.status).toBe(200);
    // New rights are read at the next login: the sessions of the old ones end.
    expect((await call(server, hers, 'GET', '/session')).status).toBe(401);
    expect(changed.body).toMatchObject({ role: 'district-signatory', districtId: 'werra-meissner-kreis', partyLabel: 'Werra-Meißner-Kreis' });
    expect((await call(server, cookies.admin, 'PATCH', '/users/f.dorn', { role: 'ministry-editor' })).status).toBe(400);
    expect((await call(server, cookies.admin, 'PATCH', '/users/niemand', { role: 'viewer' })).status).toBe(404);

    const events = await userEvents(server, cookies.admin, 'f.dorn');
    expect(events.map((e) => [e.kind, e.actor, e.target])).toEqual([
      ['changed', 'hmsi-referat', 'f.dorn'],
      ['created', 'hmsi-referat', 'f.dorn'],
    ]);
    expect(events[0]?.changes).toEqual([
      { field: 'role', from: 'district-editor', to: 'district-signatory' },
      { field: 'districtId', from: 'fulda', to: 'werra-meissner-kreis' },
    ]);
    expect(events[0]?.at).toBeGreaterThan(Date.now() - 60_000);
    const recent = (await call(server, cookies.admin, 'GET', '/users/events')).body as { target: string }[];
    expect(recent.slice(0, 2).map((e) => e.target)).toEqual(['f.dorn', 'f.dorn']);
  });

  it('deactivates a user: their sessions end and their websockets close with 4401 at once; reactivating lets them in again', async () => {
    const { server, cookies } = suite;
    const gast = await login(server, 'wmk-gast');
    const client = newClient(server, WMK, gast);
    try {
      await synced(client);
      const answer = await call(server, cookies.admin, 'POST', '/users/wmk-gast/deactivate', {});
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ active: false });
      await vi.waitFor(() => expect(client.closes).toContain(4401));
    } finally {
      client.destroy();
    }
    expect((await call(server, gast, 'GET', '/agreements')).status).toBe(401);
    const refused = await call(server, null, 'POST', '/login', { username: 'wmk-gast', password: 'demo' });
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toBe('Ihr Zugang ist deaktiviert. Bitte wenden Sie sich an das Ministerium.');
    // Nobody can mention a deactivated user.
    const participants = (await call(server, cookies.district, 'GET', `/agreements/${WMK}/participants`)).body as { username: string }[];
    expect(participants.map((p) => p.username)).not.toContain('wmk-gast');

    expect((await call(server, cookies.admin, 'POST', '/users/wmk-gast/reactivate', {})).body).toMatchObject({ active: true });
    expect(await login(server, 'wmk-gast')).toMatch(/=/);
    expect((await userEvents(server, cookies.admin, 'wmk-gast')).map((e) => e.kind)).toEqual(['reactivated', 'deactivated']);
  });

  it('never leaves the ministry without an active admin (409), and admins cannot deactivate themselves', async () => {
    const { server, cookies } = suite;
    const last = await call(server, cookies.admin, 'PATCH', '/users/hmsi-referat', { admin: false });
    expect(last.status).toBe(409);
    expect(errorOf(last)).toMatch(/^Dies ist das letzte aktive Konto des Ministeriums mit Benutzerverwaltung\./);
    expect((await call(server, cookies.admin, 'POST', '/users/hmsi-referat/deactivate', {})).status).toBe(409);
    // With a second admin, the first may step down; then the second is the last one.
    expect((await call(server, cookies.admin, 'PATCH', '/users/hmsi-ministerin', { admin: true })).body).toMatchObject({ admin: true });
    const ministerin = await login(server, 'hmsi-ministerin');
    expect((await call(server, cookies.admin, 'PATCH', '/users/hmsi-referat', { admin: false })).status).toBe(200);
    expect((await call(server, cookies.admin, 'GET', '/users')).status).toBe(403);
    const lastOne = await call(server, ministerin, 'POST', '/users/hmsi-ministerin/deactivate', {});
    expect(errorOf(lastOne)).toBe('Sie können Ihr eigenes Konto nicht deaktivieren.');
    expect((await call(server, ministerin, 'PATCH', '/users/hmsi-ministerin', { admin: false })).status).toBe(409);
    expect((await call(server, ministerin, 'PATCH', '/users/hmsi-referat', { admin: true })).status).toBe(200);
    suite.cookies.admin = await login(server, 'hmsi-referat');
    const users = await listUsers(server, suite.cookies.admin);
    expect(users.filter((u: UserSummary) => u.admin).map((u) => u.username).sort()).toEqual(['hmsi-ministerin', 'hmsi-referat']);
  });

  it('makes a one-time password usable only to choose one’s own: 403 everywhere else until then', async () => {
    const { server } = suite;
    const admin = suite.cookies.admin;
    await call(server, admin, 'POST', '/users', newUser('k.eller', { displayName: 'Karl Eller' }));
    const firstLogin = await call(server, null, 'POST', '/login', { username: 'k.eller', password: ONE_TIME });
    expect(firstLogin.body).toMatchObject({ username: 'k.eller', mustChangePassword: true });
    const cookie = await login(server, 'k.eller', ONE_TIME);
    expect(((await call(server, cookie, 'GET', '/session')).body as CurrentUser).mustChangePassword).toBe(true);
    for (const [method, path] of [['GET', '/agreements'], ['GET', `/agreements/${FULDA}`], ['PATCH', '/account']] as const) {
      const answer = await call(server, cookie, method, path, method === 'GET' ? undefined : { email: 'k@e.example' });
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toBe('Bitte legen Sie zuerst ein eigenes Passwort fest; das Einmalpasswort gilt nur dafür.');
    }
    expect(await tryUpgrade(server, FULDA, { cookie })).toEqual({ upgraded: false, status: 403, messages: 0 });
    expect((await call(server, cookie, 'POST', '/account/password', { currentPassword: ONE_TIME, newPassword: ONE_TIME })).status).toBe(400);
    const changed = await call(server, cookie, 'POST', '/account/password', { currentPassword: ONE_TIME, newPassword: OWN });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ mustChangePassword: false });
    expect((await call(server, cookie, 'GET', '/agreements')).status).toBe(200);
    expect((await call(server, null, 'POST', '/login', { username: 'k.eller', password: ONE_TIME })).status).toBe(401);
    expect((await userEvents(server, admin, 'k.eller')).map((e) => [e.kind, e.actor])).toEqual([
      ['password-changed', 'k.eller'],
      ['created', 'hmsi-referat'],
    ]);

    // A new one-time password from the admin ends the sessions of the old one.
    expect((await call(server, admin, 'POST', '/users/k.eller/one-time-password', { password: 'Zweiter-Einmal-Zugang-9' })).body).toMatchObject({ mustChangePassword: true });
    expect((await call(server, cookie, 'GET', '/agreements')).status).toBe(401);
    expect(errorOf(await call(server, admin, 'POST', '/users/hmsi-referat/one-time-password', { password: 'Zweiter-Einmal-Zugang-9' }))).toBe('Ihr eigenes Passwort ändern Sie unter „Mein Konto“.');
  });
});

describe('Mein Konto: every user’s own password and e-mail address', () => {
  const suite = suiteServer({ district: 'fd-referat', other: 'wmk-referat', ministerin: 'hmsi-ministerin' });

  it('enforces the password rule on the server', async () => {
    const { server, cookies } = suite;
    const change = (currentPassword: string, newPassword: string) => call(server, cookies.district, 'POST', '/account/password', { currentPassword, newPassword });
    expect(errorOf(await change('falsch', OWN))).toBe('Das bisherige Passwort ist nicht richtig.');
    expect(errorOf(await change('demo', 'kurz-2025'))).toBe('Das Passwort muss mindestens 12 Zeichen lang sein (dieses hat 9).');
    expect(errorOf(await change('demo', 'Passwort2025!'))).toMatch(/^Dieses Passwort ist zu leicht zu erraten oder aus Datenlecks bekannt/);
    expect(errorOf(await change('demo', 'qwertzuiop123'))).toMatch(/^Dieses Passwort ist zu leicht/);
    expect(errorOf(await change('demo', '123456789012'))).toMatch(/^Dieses Passwort ist zu leicht/);
    expect(errorOf(await call(server, cookies.ministerin, 'POST', '/account/password', { currentPassword: 'demo', newPassword: 'HMSI-Ministerin' }))).toBe('Das Passwort darf nicht der Benutzername sein.');
    const body = await call(server, cookies.district, 'POST', '/account/password', { currentPassword: 'demo', newPassword: OWN, extra: 1 });
    expect(body.status).toBe(400);
  });

  it('changes the password: other sessions of the user end, this one stays', async () => {
    const { server, cookies } = suite;
    const elsewhere = await login(server, 'fd-referat');
    const client = newClient(server, FULDA, elsewhere);
    try {
      await synced(client);
      expect((await call(server, cookies.district, 'POST', '/account/password', { currentPassword: 'demo', newPassword: OWN })).status).toBe(200);
      await vi.waitFor(() => expect(client.closes).toContain(4401));
    } finally {
      client.destroy();
    }
    expect((await call(server, elsewhere, 'GET', '/agreements')).status).toBe(401);
    expect((await call(server, cookies.district, 'GET', '/agreements')).status).toBe(200);
    expect(await login(server, 'fd-referat', OWN)).toMatch(/=/);
  });

  it('changes the e-mail address, checked, and shows it in the session', async () => {
    const { server, cookies } = suite;
    expect(errorOf(await call(server, cookies.other, 'PATCH', '/account', { email: 'keine-adresse' }))).toMatch(/^Bitte eine gültige E-Mail-Adresse angeben/);
    const changed = await call(server, cookies.other, 'PATCH', '/account', { email: ' referat@werra-meissner-kreis.example ' });
    expect(changed.body).toMatchObject({ username: 'wmk-referat', email: 'referat@werra-meissner-kreis.example' });
    expect((await call(server, cookies.other, 'GET', '/session')).body).toMatchObject({ email: 'referat@werra-meissner-kreis.example' });
    expect((await call(server, cookies.other, 'PATCH', '/account', { email: null })).body).toMatchObject({ email: null });
  });
});
