import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE } from '../../shared/protocol.js';
import { converged } from '../chaos/chaos.js';
import { duplicatedTokens, integrityCheck, missingTokens, storedDocument, TokenWriter } from '../chaos/tokenWriter.js';
import { spawnServer, type ChildServer } from './childServer.js';
import { login, newClient, newServer, synced, WMK } from './harness.js';
import { connectRaw } from './rawClient.js';

/** SIGTERM: stop accepting, commit what is in flight, close sockets with 1001, clients come back. */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('graceful shutdown on SIGTERM', () => {
  it('closes every socket with 1001, keeps what was acknowledged, and clients reconnect to the restarted server without duplicating content', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-shutdown-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let server: ChildServer = await spawnServer(dataDir);
    cleanups.push(() => server.kill('SIGKILL'));
    const cookie = await login(server, 'wmk-referat');
    const writers = [0, 1, 2].map((i) => new TokenWriter(newClient(server, WMK, cookie), i));
    cleanups.push(() => writers.forEach((writer) => writer.client.destroy()));
    await Promise.all(writers.map((writer) => synced(writer.client)));

    for (const writer of writers) writer.start(15);
    await vi.waitFor(() => expect(writers.every((writer) => writer.written >= 20)).toBe(true), { timeout: 10_000 });
    const port = server.port;
    await server.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await vi.waitFor(() => expect(writers.map((writer) => writer.client.closes.includes(CLOSE.goingAway))).toEqual([true, true, true]));

    // What the stopped server committed: the file is intact and holds every acknowledged token.
    expect(integrityCheck(dataDir)).toBe('ok');
    const stored = await storedDocument(dataDir, WMK);
    expect(missingTokens(stored, writers)).toEqual([]);
    stored.destroy();

    // The clients kept writing offline; on the restarted server they resend what it lacks, once.
    server = await spawnServer(dataDir, port);
    for (const writer of writers) writer.stop();
    await converged(server, cookie, writers);
    expect(writers.map((writer) => writer.acknowledged)).toEqual(writers.map((writer) => writer.written));
    const observer = connectRaw(server, WMK, cookie);
    cleanups.push(() => observer.close());
    await observer.synced;
    expect(duplicatedTokens(observer.doc)).toEqual([]);
  });

  it('refuses new connections as soon as the shutdown begins', async () => {
    const server = await newServer();
    cleanups.push(() => rmSync(server.dataDir, { recursive: true, force: true }));
    const cookie = await login(server, 'wmk-referat');
    const client = newClient(server, WMK, cookie);
    cleanups.push(() => client.destroy());
    await synced(client);

    const closing = server.close();
    await expect(fetch(`${server.url}/api/session`, { headers: { cookie } })).rejects.toThrow();
    await closing;
    await vi.waitFor(() => expect(client.closes).toContain(CLOSE.goingAway));
  });
});
