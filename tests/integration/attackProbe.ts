import Database from 'better-sqlite3';
import { join } from 'node:path';
import { api, WMK } from './harness.js';

/**
 * What an attack test asks of the server besides the close code: an honest user's request keeps
 * answering in its normal time, and nothing the attacker sent was stored.
 */

/** Generous, so that a loaded machine does not make the test flaky; a stalled server took seconds. */
export const HONEST_LATENCY_MS = 1_500;

/** How long `GET /api/session` takes for the user behind `cookie`. */
export async function sessionLatency(server: { url: string }, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await api(server, '/session', cookie);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET /api/session answered ${response.status}`);
  return performance.now() - start;
}

/** The slowest of `GET /api/session` requests made one after another until `done` settles. */
export async function slowestSessionDuring(server: { url: string }, cookie: string, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true));
  let slowest = 0;
  do slowest = Math.max(slowest, await sessionLatency(server, cookie));
  while (!finished);
  return slowest;
}

/** Updates stored for an agreement, read from the store's file (a second, read-only handle). */
export function storedUpdates(dataDir: string, agreementId = WMK): number {
  const db = new Database(join(dataDir, 'vereinbar.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE agreement_id = ?').get(agreementId) as { n: number }).n;
  } finally {
    db.close();
  }
}
