import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';

/** store.users on a real SQLite file: the rules it keeps inside its transactions. */
describe('the account store', () => {
  let dataDir: string;
  let store: SqliteStore;
  const base = { role: 'ministry-editor' as const, districtId: null, color: '#000000', passwordHash: 'x', createdAt: 1 };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-users-'));
    store = new SqliteStore(dataDir);
    await store.putUser({ ...base, username: 'a', displayName: 'A', admin: true });
    await store.putUser({ ...base, username: 'b', displayName: 'B' });
    await store.createSession('token-b', { username: 'b', createdAt: 1, expiresAt: Date.now() + 60_000 });
    await store.createSession('token-b2', { username: 'b', createdAt: 1, expiresAt: Date.now() + 60_000 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses, inside the transaction, a change that leaves no active ministry admin, and records nothing of it', async () => {
    const event = { actor: 'a', target: 'a', kind: 'changed' as const, changes: [{ field: 'admin' as const, from: true, to: false }] };
    expect(await store.users.update('a', { fields: { admin: false }, events: [event], at: 2 })).toEqual({ ok: false, reason: 'last-admin' });
    expect(await store.users.update('a', { fields: { active: false }, events: [event], at: 2 })).toEqual({ ok: false, reason: 'last-admin' });
    expect((await store.getUser('a'))?.admin).toBe(true);
    expect(await store.users.events({ limit: 10 })).toEqual([]);
    // With a second admin, the first may step down.
    expect((await store.users.update('b', { fields: { admin: true }, events: [], at: 3 })).ok).toBe(true);
    expect((await store.users.update('a', { fields: { admin: false }, events: [event], at: 4 })).ok).toBe(true);
    expect((await store.users.events({ target: 'a', limit: 10 })).map((e) => [e.kind, e.at])).toEqual([['changed', 4]]);
  });

  it('ends sessions in the same transaction, keeping the one named', async () => {
    const outcome = await store.users.update('b', { password: { hash: 'y', mustChange: false }, endSessions: { except: 'token-b2' }, events: [], at: 5 });
    expect(outcome).toMatchObject({ ok: true, user: { passwordHash: 'y', mustChangePassword: false, updatedAt: 5 } });
    expect(await store.getSession('token-b')).toBeUndefined();
    expect(await store.getSession('token-b2')).toBeDefined();
    expect(await store.users.update('nobody', { fields: { active: false }, events: [], at: 6 })).toEqual({ ok: false, reason: 'unknown-user' });
  });

  it('keeps the audit trail append-only', async () => {
    await store.users.create({ ...base, username: 'c', displayName: 'C', email: null, admin: false, active: true, mustChangePassword: true, updatedAt: 1 }, { actor: 'a', target: 'c', kind: 'created' });
    expect(await store.users.create({ ...base, username: 'c', displayName: 'C2', email: null, admin: false, active: true, mustChangePassword: true, updatedAt: 1 }, { actor: 'a', target: 'c', kind: 'created' })).toBe(false);
    expect((await store.users.events({ target: 'c', limit: 10 })).length).toBe(1);
    const db = (await import('better-sqlite3')).default(join(dataDir, 'vereinbar.sqlite'));
    try {
      expect(() => db.prepare('DELETE FROM user_events').run()).toThrow('user_events is append-only');
      expect(() => db.prepare("UPDATE user_events SET actor = 'x'").run()).toThrow('user_events is append-only');
    } finally {
      db.close();
    }
  });
});
