import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readProjectList } from '../../server/documents/agreementDoc.js';
import { groupOfType, newEntry } from './body.js';
import { spawnServer, type ChildServer } from './childServer.js';
import { login, newClient, synced, WMK, type TestClient } from './harness.js';

/**
 * The built server (`npm start` runs dist/server/main.js) commits in its worker thread too: the
 * worker is a file of its own in the build (dist/server/commitWorker.js), found beside the bundle.
 * Without it no edit would be acknowledged; with it, every acknowledged edit survives kill -9.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = ['--enable-source-maps', 'dist/server/main.js'];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: ROOT, stdio: 'ignore' });
}, 60_000);

async function startBuilt(dataDir: string): Promise<ChildServer> {
  const child = await spawnServer(dataDir, 0, {}, BUILT);
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

function track(client: TestClient): TestClient {
  cleanups.push(() => client.destroy());
  return client;
}

const entryId = (i: number) => `p-built-${String(i).padStart(4, '0')}`;
const entryIds = (doc: Y.Doc) => new Set(readProjectList(doc).flatMap((group) => group.entries.map((entry) => entry.id)));

describe('the built server', () => {
  it('ships the commit worker beside its bundle and loses no acknowledged edit when killed', async () => {
    expect(existsSync(join(ROOT, 'dist/server/commitWorker.js'))).toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-built-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startBuilt(dataDir);
    const cookie = await login(first, 'wmk-referat');
    const client = track(newClient(first, WMK, cookie));
    await synced(client);

    const edits = 120;
    for (let i = 0; i < edits; i++) client.doc.transact(() => groupOfType(client.doc, 3).push([newEntry(entryId(i), `Projekt ${i}`)]));
    await vi.waitFor(() => expect(client.lastAck()).toBe(client.sentUpdates()), { timeout: 15_000 });
    expect(first.output()).not.toContain('commit-worker-failed');
    await first.kill('SIGKILL');
    client.destroy();

    const db = new Database(join(dataDir, 'vereinbar.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const second = await startBuilt(dataDir);
    const fresh = track(newClient(second, WMK, cookie));
    await synced(fresh);
    const ids = entryIds(fresh.doc);
    expect(Array.from({ length: edits }, (_, i) => entryId(i)).filter((id) => !ids.has(id))).toEqual([]);
  });
});
