import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgreementSummary } from '../../shared/api.js';
import { DEMO_USERS } from '../../server/seed/demo.js';
import { MIGRATIONS } from '../../server/store/migrations.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { FIXTURE_AMOUNT_CENTS, FIXTURE_EDIT, FIXTURE_REPLY, FIXTURE_THREAD } from '../fixtures/store-v0/contents.js';
import { firstEntryText } from './body.js';
import { listThreads, send } from './commentsClient.js';
// The fixture was written when the demo's Werra-Meißner agreement was the 2024 one.
import { FULDA, WMK_2024 as WMK, agreementText, api, login, newClient, newServer, synced, type TestServer } from './harness.js';
import { detail, history } from './signoffTools.js';

/**
 * A store written before versioned migrations (schema version 0) opens with today's code without
 * loss. The fixture is a real store made by that code through its public API
 * (tests/fixtures/store-v0/make.ts), so it holds exactly what users' stores hold, not what we
 * believe the old schema was.
 */
const FIXTURE = new URL('../fixtures/store-v0/vereinbar.sqlite', import.meta.url);
const LATEST = MIGRATIONS.at(-1)?.version ?? 0;

function copyOfFixture(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-v0-'));
  copyFileSync(FIXTURE, join(dataDir, 'vereinbar.sqlite'));
  return dataDir;
}

/** Tables, indexes and triggers with their SQL, to compare two stores' schemas. */
function schemaOf(dataDir: string): { version: number; objects: unknown[] } {
  const db = new Database(join(dataDir, 'vereinbar.sqlite'), { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      objects: db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all(),
    };
  } finally {
    db.close();
  }
}

describe('a store written before versioned migrations', () => {
  let server: TestServer;
  let ministry: string;
  let district: string;

  beforeAll(async () => {
    const dataDir = copyOfFixture();
    expect(schemaOf(dataDir).version).toBe(0);
    server = await newServer(dataDir);
    [ministry, district] = await Promise.all([login(server, 'hmsi-referat'), login(server, 'fd-referat')]);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('is upgraded to the newest schema version, with the same schema as a new store', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'vereinbar-new-'));
    try {
      await new SqliteStore(fresh).close();
      const upgraded = schemaOf(server.dataDir);
      expect(upgraded.version).toBe(LATEST);
      expect(upgraded).toEqual(schemaOf(fresh));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('lets every user log in with the password they had', async () => {
    // scrypt is slow on purpose; the logins run side by side on libuv's threads.
    await Promise.all(DEMO_USERS.map((user) => expect(login(server, user.username)).resolves.toMatch(/=/)));
    expect((await api(server, '/login', null, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fd-referat', password: 'falsch' }) })).status).toBe(401);
  });

  it('keeps every account active, without a one-time password and without admins until one is named (step 003)', async () => {
    const session = (await (await api(server, '/session', ministry)).json()) as { admin: boolean; mustChangePassword: boolean; email: string | null };
    expect(session).toMatchObject({ admin: false, mustChangePassword: false, email: null });
    expect((await api(server, '/users', ministry)).status).toBe(403);
  });

  it('lists the agreements each user may see', async () => {
    const list = async (cookie: string) => ((await (await api(server, '/agreements', cookie)).json()) as AgreementSummary[]).map((a) => a.id).sort();
    expect(await list(ministry)).toEqual([FULDA, WMK].sort());
    expect(await list(district)).toEqual([FULDA]);
  });

  it('keeps the document: a client’s edit and a field the server wrote', async () => {
    expect(await agreementText(server, FULDA, district)).toContain(`Startklar – Berufsorientierung mit Gesundheitsmodul${FIXTURE_EDIT}`);
    expect((await detail(server, FULDA, district)).fields.amountCents).toBe(FIXTURE_AMOUNT_CENTS);
  });

  it('keeps the comment thread with its reply, still open', async () => {
    const { threads, openThreads } = await listThreads(server, district, FULDA);
    expect(openThreads).toBe(1);
    expect(threads).toEqual([
      expect.objectContaining({
        entryId: 'p-fd24-startklar',
        status: 'open',
        comments: [
          expect.objectContaining({ text: FIXTURE_THREAD, mentions: ['hmsi-referat'], author: expect.objectContaining({ username: 'fd-referat' }) }),
          expect.objectContaining({ text: FIXTURE_REPLY, author: expect.objectContaining({ username: 'hmsi-referat' }) }),
        ],
      }),
    ]);
  });

  it('keeps the release, both signatures on its hash and the history', async () => {
    const wmk = await detail(server, WMK, ministry);
    expect(wmk.status).toBe('final');
    const hash = wmk.release?.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(wmk.signatures.map((s) => [s.party, s.username, s.place, s.hash])).toEqual([
      ['district', 'wmk-landraetin', 'Eschwege', hash],
      ['ministry', 'hmsi-ministerin', 'Wiesbaden', hash],
    ]);
    expect((await history(server, WMK, ministry)).map((event) => [event.kind, event.actor])).toEqual([
      ['created', 'system'],
      ['released', 'hmsi-referat'],
      ['signed', 'wmk-landraetin'],
      ['signed', 'hmsi-ministerin'],
      ['final', 'hmsi-ministerin'],
    ]);
  });

  it('takes new edits and comments after the upgrade', async () => {
    const client = newClient(server, FULDA, district);
    try {
      await synced(client);
      const text = firstEntryText(client.doc);
      expect(text.toString()).toContain(FIXTURE_EDIT);
      text.insert(text.length, ' und Praktikum');
      await vi.waitFor(() => expect(client.lastAck()).toBeGreaterThanOrEqual(client.sentUpdates()));
    } finally {
      client.destroy();
    }
    const [thread] = (await listThreads(server, district, FULDA)).threads;
    expect((await send(server, ministry, 'POST', `/agreements/${FULDA}/comments/${thread?.id ?? ''}/resolve`)).status).toBe(200);
    server = await server.restart();
    expect(await agreementText(server, FULDA, district)).toContain(`${FIXTURE_EDIT} und Praktikum`);
    expect((await detail(server, FULDA, district)).openThreads).toBe(0);
  });
});

describe('a store written by a newer version', () => {
  it('is refused with a clear error and left untouched', () => {
    const dataDir = copyOfFixture();
    try {
      const db = new Database(join(dataDir, 'vereinbar.sqlite'));
      db.pragma(`user_version = ${LATEST + 1}`);
      db.close();
      const before = schemaOf(dataDir);
      expect(() => new SqliteStore(dataDir)).toThrow(`the store has schema version ${LATEST + 1}, newer than this code knows (${LATEST})`);
      expect(schemaOf(dataDir)).toEqual(before);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
