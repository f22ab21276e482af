import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';
import type { PendingUpdate } from '../../server/store/types.js';
import { UpdateLog } from '../../server/store/updateLog.js';
import { CommitWriter } from '../../server/store/writer/commitWriter.js';

/**
 * Where a commit runs: a lone keystroke on a quiet server on the main connection (no thread hops),
 * a burst in the worker thread. Either way the log keeps the order in which the room sent them.
 */

const AGREEMENT = 'aqb-2024-fulda';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-writer-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  await new SqliteStore(dataDir).close(); // the schema, migrated
  const file = join(dataDir, 'vereinbar.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.prepare("INSERT INTO agreements (id, district_id, year, template_version, status, fields, created_at, updated_at) VALUES (?, 'fulda', 2024, 'aqb-2024', 'draft', '{}', 0, 0)").run(AGREEMENT);
  const log = new UpdateLog(db);
  let onMain = 0;
  const writer = new CommitWriter(
    { file, synchronous: 'FULL' },
    {
      append: (updates) => {
        onMain += updates.length;
        return db.transaction(() => updates.map((u) => log.append(u)))();
      },
      snapshot: () => {
        throw new Error('not used');
      },
    },
  );
  cleanups.push(async () => {
    await writer.close();
    db.close();
  });
  writer.warm();
  await vi.waitFor(() => expect(writer.threadReady).toBe(true), { timeout: 10_000 });
  const stored = () => (db.prepare('SELECT seq, data FROM doc_updates WHERE agreement_id = ? ORDER BY seq').all(AGREEMENT) as { seq: number; data: Buffer }[]).map((row) => [row.seq, row.data[2]]);
  return { writer, onMain: () => onMain, stored };
}

/** An update of the server's (no Yjs client to record) whose third byte numbers it. */
const numbered = (n: number): PendingUpdate => ({ agreementId: AGREEMENT, update: Uint8Array.of(0, 0, n), author: { username: 'system', via: 'server' }, at: n });
const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the commit writer', () => {
  it('commits a lone update on a quiet server on the main connection, a burst in its thread, all in the order sent', async () => {
    const { writer, onMain, stored } = await setup();
    await quietFor(50);
    expect(await writer.append([numbered(1)])).toEqual([1]);
    expect(onMain()).toBe(1);

    // A burst right after: the thread takes it (a stalled machine may leave the first one on the
    // main connection); what was sent first is stored first.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => writer.append([numbered(i + 2)])));
    expect(burst.flat()).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(onMain()).toBeLessThanOrEqual(2);

    // Quiet again: the next lone update, on the main connection after the thread's last commit.
    await quietFor(50);
    const before = onMain();
    expect(await writer.append([numbered(42)])).toEqual([42]);
    expect(onMain()).toBe(before + 1);
    expect(stored()).toEqual(Array.from({ length: 42 }, (_, i) => [i + 1, i + 1]));
  });

  it('sends a batch of more than a few updates to its thread even on a quiet server', async () => {
    const { writer, onMain, stored } = await setup();
    await quietFor(50);
    expect(await writer.append(Array.from({ length: 10 }, (_, i) => numbered(i + 1)))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(onMain()).toBe(0);
    expect(stored()).toHaveLength(10);
  });
});
