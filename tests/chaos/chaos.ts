import * as prng from 'lib0/prng';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import * as Y from 'yjs';
import { bodyJSON } from '../../server/documents/agreementDoc.js';
import { spawnServer, type ChildServer } from '../integration/childServer.js';
import { login, newClient, synced, WMK } from '../integration/harness.js';
import { connectRaw } from '../integration/rawClient.js';
import { integrityCheck, missingTokens, storedDocument, TokenWriter } from './tokenWriter.js';

/**
 * Clients write continuously while the server process is killed with SIGKILL at random moments
 * and restarted on the same store and port. After each kill: the SQLite file is intact and holds
 * every acknowledged token; after each restart, all clients converge with the server.
 */
export async function runChaos(kills: number, seed: number): Promise<void> {
  process.stdout.write(`chaos: ${kills} kills, seed ${seed} (CHAOS_SEED=${seed} replays the kill moments)\n`);
  const random = prng.create(seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-chaos-'));
  let server: ChildServer = await spawnServer(dataDir);
  const port = server.port;
  const writers: TokenWriter[] = [];
  try {
    const [district, ministry] = await Promise.all([login(server, 'wmk-referat'), login(server, 'hmsi-referat')]);
    for (const [i, cookie] of [district, ministry, district].entries()) writers.push(new TokenWriter(newClient(server, WMK, cookie), i));
    await Promise.all(writers.map((writer) => synced(writer.client)));

    for (let kill = 0; kill < kills; kill++) {
      for (const writer of writers) writer.start(20);
      // A random moment: after a random number of further tokens, while updates are in flight.
      const target = writers.reduce((sum, writer) => sum + writer.written, 0) + prng.int32(random, 5, 60);
      await vi.waitFor(() => expect(writers.reduce((sum, writer) => sum + writer.written, 0)).toBeGreaterThanOrEqual(target), { timeout: 15_000, interval: 2 });
      await server.kill('SIGKILL');

      expect(integrityCheck(dataDir), `integrity after kill ${kill + 1}`).toBe('ok');
      const stored = await storedDocument(dataDir, WMK);
      expect(missingTokens(stored, writers), `acknowledged tokens missing after kill ${kill + 1} (seed ${seed})`).toEqual([]);
      stored.destroy();

      server = await spawnServer(dataDir, port);
      for (const writer of writers) writer.stop();
      await converged(server, district, writers);
    }
    // Not vacuous: every writer had tokens acknowledged that the kills could have lost.
    expect(writers.map((writer) => writer.acknowledged > 0)).toEqual(writers.map(() => true));
  } finally {
    for (const writer of writers) {
      writer.stop();
      writer.client.destroy();
    }
    await server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every client reconnected, everything acknowledged, and each client's document is the server's. */
export async function converged(server: { url: string }, cookie: string, writers: readonly TokenWriter[]): Promise<void> {
  await vi.waitFor(() => expect(writers.every((writer) => writer.noteAcknowledged())).toBe(true), { timeout: 20_000, interval: 10 });
  const observer = connectRaw(server, WMK, cookie);
  try {
    await observer.synced;
    const expected = bodyJSON(observer.doc);
    await vi.waitFor(() => {
      for (const writer of writers) {
        expect(Y.encodeStateVector(writer.client.doc)).toEqual(Y.encodeStateVector(observer.doc));
        expect(bodyJSON(writer.client.doc)).toEqual(expected);
      }
    }, { timeout: 10_000, interval: 20 });
    expect(missingTokens(observer.doc, writers)).toEqual([]);
  } finally {
    observer.close();
  }
}
