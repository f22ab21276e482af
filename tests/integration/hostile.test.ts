import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBenchStore } from '../../bench/seed.js';
import { startBenchServer, type BenchServer } from '../../bench/servers.js';
import { firstEntryText } from './body.js';
import { login, newClient, synced, WMK, type TestClient } from './harness.js';
import { ATTACKS } from './hostileCorpus.js';
import { connectRaw } from './rawClient.js';

/**
 * Hostile input gets a documented close code and costs nothing: the process stays up, its event
 * loop is never blocked for 100 ms, nothing is stored, and editors on the same document keep
 * editing without noticing. The server runs as a child process (the bench's, same startServer as
 * `npm start`) so that its event-loop delay is its own; it reports it over its IPC channel.
 */
describe('hostile input on the websocket', () => {
  let server: BenchServer;
  let dataDir: string;
  let db: Database.Database;
  const cookies = { district: '', ministry: '', viewer: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-hostile-'));
    await seedBenchStore(dataDir, { agreements: 0, histories: new Map() });
    server = await startBenchServer('ours', { DATA_DIR: dataDir, IDLE_UNLOAD_MS: '60000' });
    db = new Database(join(dataDir, 'vereinbar.sqlite'), { readonly: true });
    [cookies.district, cookies.ministry, cookies.viewer] = await Promise.all([login(server, 'wmk-referat'), login(server, 'hmsi-referat'), login(server, 'wmk-gast')]);
  });
  afterAll(async () => {
    db.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const storedUpdates = () => (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE agreement_id = ?').get(WMK) as { n: number }).n;

  async function edit(editor: TestClient, watcher: TestClient, mark: string) {
    firstEntryText(editor.doc).insert(0, mark);
    await vi.waitFor(() => expect(firstEntryText(watcher.doc).toString().startsWith(mark)).toBe(true));
    firstEntryText(editor.doc).delete(0, mark.length);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
  }

  it.each(ATTACKS.map((attack) => [attack.name, attack] as const))('closes a connection that sends %s with its code; nothing stored, the loop never blocked, nobody else notices', async (_name, attack) => {
    const editor = newClient(server, WMK, cookies.ministry);
    const watcher = newClient(server, WMK, cookies.ministry);
    try {
      await Promise.all([synced(editor), synced(watcher)]);
      // The editor has written before: the server knows its Yjs client id as the ministry's.
      await edit(editor, watcher, 'vorher ');
      const attacker = connectRaw(server, WMK, attack.as === 'viewer' ? cookies.viewer : cookies.district);
      await attacker.synced;
      // The garbage of earlier attacks (some send MiBs) is collected here, not in this attack's
      // window; the second call starts the window after the collection's delay was recorded.
      await server.stats({ gc: true });
      await server.stats();
      const stored = storedUpdates();

      attack.send(attacker.ws, editor.doc.clientID);
      expect((await attacker.closed).code).toBe(attack.code);
      attacker.close();

      expect((await server.stats()).eventLoopDelayMaxMs).toBeLessThan(100);
      expect(storedUpdates()).toBe(stored);
      await edit(editor, watcher, `nach ${attack.code}: `);
      expect(storedUpdates()).toBe(stored + 2);
      expect([...editor.closes, ...watcher.closes]).toEqual([]);
    } finally {
      editor.destroy();
      watcher.destroy();
    }
  });
});
