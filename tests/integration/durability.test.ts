import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { bodyJSON, readProjectList } from '../../server/documents/agreementDoc.js';
import { COMPACT_AFTER_UPDATES } from '../../server/documents/hooks.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { CLOSE } from '../../shared/protocol.js';
import { entries, entryText, groupOfType, newEntry } from './body.js';
import { spawnServer, type ChildServer } from './childServer.js';
import { agreementText, login, newClient, newServer, synced, WMK, type TestClient, type TestServer } from './harness.js';
import { connectRaw, type RawClient } from './rawClient.js';

/** "No acknowledged edit is ever lost": graceful restarts, kill -9, and compaction. */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vereinbar-durability-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track<T extends { destroy(): void } | { close(): void }>(client: T): T {
  cleanups.push(() => ('destroy' in client ? client.destroy() : client.close()));
  return client;
}

const entryId = (i: number) => `p-kill-${String(i).padStart(4, '0')}`;

/** Adds entry `i` to the Maßnahmenart 3 group, one transaction (one update message) each. */
function addEntries(doc: Y.Doc, from: number, to: number) {
  for (let i = from; i < to; i++) doc.transact(() => groupOfType(doc, 3).push([newEntry(entryId(i), `Projekt ${i}`)]));
}

function entryIds(doc: Y.Doc): Set<string> {
  return new Set(readProjectList(doc).flatMap((group) => group.entries.map((entry) => entry.id)));
}

async function allAcknowledged(client: TestClient) {
  await vi.waitFor(() => expect(client.lastAck()).toBe(client.sentUpdates()), { timeout: 15_000 });
}

function integrityCheck(dataDir: string): unknown {
  const db = new Database(join(dataDir, 'vereinbar.sqlite'));
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('durability', () => {
  it('keeps every edit of two clients across a restart', async () => {
    let server: TestServer = await newServer();
    cleanups.push(() => server.dispose());
    const [ministry, district] = await Promise.all([login(server, 'hmsi-referat'), login(server, 'wmk-referat')]);
    const a = track(newClient(server, WMK, ministry));
    const b = track(newClient(server, WMK, district));
    await Promise.all([synced(a), synced(b)]);

    for (let i = 0; i < 60; i++) {
      addEntries(a.doc, i, i + 1);
      const own = entries(groupOfType(b.doc, 4))[0];
      if (!own) throw new Error('no entry in group 4');
      entryText(own).insert(entryText(own).length, ` ${i}`);
    }
    await Promise.all([allAcknowledged(a), allAcknowledged(b)]);
    await vi.waitFor(() => expect(bodyJSON(a.doc)).toEqual(bodyJSON(b.doc)));
    const expected = bodyJSON(a.doc);
    a.destroy();
    b.destroy();

    server = await server.restart();
    const fresh = track(newClient(server, WMK, district));
    await synced(fresh);
    expect(bodyJSON(fresh.doc)).toEqual(expected);
    expect(entryIds(fresh.doc).size).toBe(7 + 60);
    expect(await agreementText(server, WMK, district)).toContain('- Strategieentwicklung 0 1 2 3');
  });

  it('merges the edits a client made while the server was down, once it has reconnected', async () => {
    let server: TestServer = await newServer();
    cleanups.push(() => server.dispose());
    const cookie = await login(server, 'wmk-referat');
    const client = track(newClient(server, WMK, cookie));
    await synced(client);
    addEntries(client.doc, 0, 5);
    await allAcknowledged(client);

    await server.close();
    await vi.waitFor(() => expect(client.closes).toContain(CLOSE.goingAway));
    addEntries(client.doc, 5, 10);
    server = await newServer(server.dataDir, server.port);

    await vi.waitFor(() => expect(client.provider.wsconnected && client.provider.synced).toBe(true));
    await allAcknowledged(client);
    const fresh = track(newClient(server, WMK, cookie));
    await synced(fresh);
    expect(bodyJSON(fresh.doc)).toEqual(bodyJSON(client.doc));
    for (let i = 0; i < 10; i++) expect(entryIds(fresh.doc).has(entryId(i))).toBe(true);
  });

  describe('kill -9 of the server process', () => {
    async function startChild(dataDir: string): Promise<ChildServer> {
      const child = await spawnServer(dataDir);
      cleanups.push(() => child.kill('SIGKILL'));
      return child;
    }

    /** A server process on a new data folder, and a district editor connected to it. */
    async function childWithEditor() {
      const dataDir = tempDir();
      const first = await startChild(dataDir);
      const cookie = await login(first, 'wmk-referat');
      const client = track(newClient(first, WMK, cookie));
      await synced(client);
      return { dataDir, first, cookie, client };
    }

    /** After the kill: the file is intact, and a new process on it serves every acknowledged edit. */
    async function expectAcknowledgedEditsSurvive(dataDir: string, cookie: string, acknowledged: number) {
      expect(integrityCheck(dataDir)).toBe('ok');
      const second = await startChild(dataDir);
      const fresh = track(newClient(second, WMK, cookie));
      await synced(fresh);
      const ids = entryIds(fresh.doc);
      const missing = Array.from({ length: acknowledged }, (_, i) => entryId(i)).filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      const text = await agreementText(second, WMK, cookie);
      for (let i = 0; i < acknowledged; i++) expect(text).toContain(`- Projekt ${i}\n`);
    }

    it('loses no acknowledged edit when killed right after the acknowledgements', async () => {
      const { dataDir, first, cookie, client } = await childWithEditor();

      const edits = 200;
      addEntries(client.doc, 0, edits);
      await allAcknowledged(client);
      await first.kill('SIGKILL');
      client.destroy();

      await expectAcknowledgedEditsSurvive(dataDir, cookie, edits);
    });

    it('loses no acknowledged edit when killed while edits are still arriving', async () => {
      const { dataDir, first, cookie, client } = await childWithEditor();

      addEntries(client.doc, 0, 250);
      await vi.waitFor(() => expect(client.lastAck()).toBeGreaterThan(60), { interval: 1, timeout: 15_000 });
      const acked = client.lastAck();
      await first.kill('SIGKILL');
      client.destroy();

      // Ack n covers the n-th update-bearing message: the first is the sync step 2, then one per edit.
      await expectAcknowledgedEditsSurvive(dataDir, cookie, acked - 1);
    });
  });

  it('compacts a long history into a snapshot and still keeps every update as the audit trail', async () => {
    const server = await newServer();
    let closed = false;
    cleanups.push(() => (closed ? rmSync(server.dataDir, { recursive: true, force: true }) : server.dispose()));
    const [ministry, district] = await Promise.all([login(server, 'hmsi-referat'), login(server, 'wmk-referat')]);

    // Three connections, so that no single one exceeds the message rate a person could produce.
    const writers: RawClient[] = [connectRaw(server, WMK, ministry), connectRaw(server, WMK, district), connectRaw(server, WMK, district)].map(track);
    await Promise.all(writers.map((writer) => writer.synced));
    const perWriter = Math.ceil((COMPACT_AFTER_UPDATES + 40) / writers.length);
    writers.forEach((writer, w) => {
      const target = entries(groupOfType(writer.doc, 3))[w];
      if (!target) throw new Error(`no entry ${w}`);
      // Type and delete one character in turns: many updates, a document that stays small.
      for (let i = 0; i < perWriter; i++) {
        if (i % 2 === 0) entryText(target).insert(0, String(w));
        else entryText(target).delete(0, 1);
      }
    });
    const edits = perWriter * writers.length;
    for (const writer of writers) await vi.waitFor(() => expect(writer.lastAck()).toBe(writer.sent()), { timeout: 15_000 });
    // An acknowledgement to one writer can arrive before the broadcast of the same batch has
    // reached another writer: wait until all three hold the same document.
    await vi.waitFor(() => {
      for (const writer of writers) expect(bodyJSON(writer.doc)).toEqual(bodyJSON(writers[0]?.doc ?? new Y.Doc()));
    });
    const expected = bodyJSON(writers[0]?.doc ?? new Y.Doc());

    const db = new Database(join(server.dataDir, 'vereinbar.sqlite'), { readonly: true });
    cleanups.push(() => {
      db.close();
    });
    const snapshotSeq = () => (db.prepare('SELECT upto_seq AS seq FROM doc_snapshots WHERE agreement_id = ?').get(WMK) as { seq: number } | undefined)?.seq ?? 0;
    const lastSeq = () => (db.prepare('SELECT MAX(seq) AS seq FROM doc_updates WHERE agreement_id = ?').get(WMK) as { seq: number }).seq;
    // Compacted while the clients were still editing, not only when the document was unloaded.
    expect(snapshotSeq()).toBeGreaterThanOrEqual(COMPACT_AFTER_UPDATES);
    for (const writer of writers) writer.close();
    // Unloading an idle document compacts the rest.
    await vi.waitFor(() => expect(snapshotSeq()).toBe(lastSeq()));
    await server.close();
    closed = true;

    const store = new SqliteStore(server.dataDir);
    cleanups.push(() => store.close());
    const stored = await store.loadDocument(WMK);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(10);
    const loaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(loaded, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(loaded, update);
    expect(bodyJSON(loaded)).toEqual(expected);

    const audit = db.prepare("SELECT author, COUNT(*) AS n FROM doc_updates WHERE agreement_id = ? AND via = 'client' GROUP BY author ORDER BY author").all(WMK);
    expect(audit).toEqual([
      { author: 'hmsi-referat', n: perWriter },
      { author: 'wmk-referat', n: 2 * perWriter },
    ]);
    expect(edits).toBeGreaterThan(COMPACT_AFTER_UPDATES);
  });
  it('serves a compacted document that was unloaded to readers and editors alike, and keeps what is written to it then', async () => {
    let server: TestServer = await newServer();
    cleanups.push(() => server.dispose());
    const [district, viewer] = await Promise.all([login(server, 'wmk-referat'), login(server, 'wmk-gast')]);
    const first = track(newClient(server, WMK, district));
    await synced(first);
    addEntries(first.doc, 0, 10);
    await allAcknowledged(first);
    const written = bodyJSON(first.doc);
    first.destroy();
    // Unloaded when idle, compacted into a snapshot on the way out; opened again from it.
    await vi.waitFor(() => expect(server.loadedDocuments()).toBe(0));

    const reader = track(newClient(server, WMK, viewer));
    await synced(reader);
    expect(bodyJSON(reader.doc)).toEqual(written);
    const editor = track(newClient(server, WMK, district));
    await synced(editor);
    expect(bodyJSON(editor.doc)).toEqual(written);
    addEntries(editor.doc, 10, 12);
    await allAcknowledged(editor);
    await vi.waitFor(() => expect(bodyJSON(reader.doc)).toEqual(bodyJSON(editor.doc)));
    expect(await agreementText(server, WMK, district)).toContain('- Projekt 11\n');
    const expected = bodyJSON(editor.doc);
    reader.destroy();
    editor.destroy();

    server = await server.restart();
    const fresh = track(newClient(server, WMK, viewer));
    await synced(fresh);
    expect(bodyJSON(fresh.doc)).toEqual(expected);
    for (let i = 0; i < 12; i++) expect(entryIds(fresh.doc).has(entryId(i))).toBe(true);
  });
});
