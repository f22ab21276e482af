import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { UpdateLog } from '../updateLog.js';
import { unpackUpdates } from './packedUpdates.js';
import type { WriterMessage, WriterOptions, WriterReply, WriterRequest } from './protocol.js';

/**
 * The commit worker: a thread with its own connection to the store's SQLite file that commits the
 * document update log (and the snapshots that compact it). Each request is one transaction,
 * committed with synchronous=FULL (an fsync of the WAL) before the answer goes back, so the event
 * loop never waits for the disk and keeps checking the next batch meanwhile.
 *
 * BEGIN IMMEDIATE: the write lock is taken first, so the sequence number read inside the
 * transaction is the newest one; while the main connection (comments, sign-off) holds the lock,
 * busy_timeout waits here, on this thread.
 */
const options = workerData as WriterOptions;
const port = parentPort;
if (!port) throw new Error('commitWorker runs as a worker thread');

const db = new Database(options.file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${options.synchronous}`);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
const updateLog = new UpdateLog(db);
const append = db.transaction((request: WriterRequest & { kind: 'append' }) => unpackUpdates(request.packed).map((u) => updateLog.append(u))).immediate;
const snapshot = db.transaction((request: WriterRequest & { kind: 'snapshot' }) => updateLog.writeSnapshot(request.agreementId, request.state, request.at)).immediate;

function handle(request: WriterRequest): WriterReply {
  switch (request.kind) {
    case 'append':
      return { id: request.id, ok: true, seqs: append(request) };
    case 'snapshot':
      snapshot(request);
      return { id: request.id, ok: true, seqs: [] };
    case 'close':
      db.close();
      return { id: request.id, ok: true, seqs: [] };
  }
}

// The paths of a commit once before saying ready (a transaction that writes nothing, so no
// fsync), so that the first real commit does not pay for cold code: it measured 30 ms.
db.transaction(() => {
  updateLog.lastSeq('');
  Y.parseUpdateMeta(Uint8Array.of(0, 0));
  db.prepare('SELECT 1').get();
}).immediate();
port.postMessage({ ready: true } satisfies WriterMessage);
port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = handle(request);
  } catch (error: unknown) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  if (request.kind === 'close') port.close();
});
