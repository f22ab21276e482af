import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE, CONNECTION_BUDGET, MAX_PENDING } from '../../shared/protocol.js';
import { HONEST_LATENCY_MS, sessionLatency, slowestSessionDuring, storedUpdates } from './attackProbe.js';
import { firstEntryText } from './body.js';
import { newClient, suiteServer, synced, WMK, type TestClient } from './harness.js';
import { freshClientId, gappedUpdate, gappedUpdates, paddedStep1, syncUpdateOf } from './hostileCorpus.js';
import { connectRaw } from './rawClient.js';
import { recordTouchedClients } from './witness.js';

/**
 * Issue 9, finding 1: a connection cannot stall the server. A reader's update is refused before
 * any work, a writer's held-back updates are bounded, and bytes and work per second are budgeted.
 */
describe('a connection that tries to stall the server', () => {
  const suite = suiteServer({ viewer: 'wmk-gast', district: 'wmk-referat', ministry: 'hmsi-referat', honest: 'fd-referat' });
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  async function watcher() {
    const client = newClient(suite.server, WMK, suite.cookies.ministry);
    clients.push(client);
    await synced(client);
    return { client, touched: recordTouchedClients(client.doc) };
  }

  /** The attack of issue 9: four held-back updates of 900 KB from fresh client ids, then tiny ones at 100 a second. */
  async function stall(cookie: string) {
    const attacker = connectRaw(suite.server, WMK, cookie);
    await attacker.synced;
    const big = Array.from({ length: 4 }, () => gappedUpdate(freshClientId(), 'x'.repeat(900_000)));
    const tiny = gappedUpdates(freshClientId(), 300);
    for (const update of big) attacker.sendRaw(syncUpdateOf(update));
    const timer = setInterval(() => {
      const next = tiny.shift();
      if (next) attacker.sendRaw(syncUpdateOf(next));
    }, 10);
    const closed = attacker.closed.finally(() => clearInterval(timer));
    const slowest = await slowestSessionDuring(suite.server, suite.cookies.honest, closed);
    return { closed: await closed, slowest };
  }

  it.each([
    ['a viewer', 'viewer', CLOSE.forbiddenUpdate],
    ['a district editor', 'district', CLOSE.unresolvedUpdates],
  ] as const)('closes %s that sends held-back updates by the MiB (%s → %s), storing and broadcasting nothing, while others are served', async (_who, role, code) => {
    const { touched } = await watcher();
    const stored = storedUpdates(suite.server.dataDir);
    const { closed, slowest } = await stall(suite.cookies[role]);
    expect(closed.code).toBe(code);
    expect(slowest).toBeLessThan(HONEST_LATENCY_MS);
    expect(await sessionLatency(suite.server, suite.cookies.honest)).toBeLessThan(HONEST_LATENCY_MS);
    expect(storedUpdates(suite.server.dataDir)).toBe(stored);
    expect(touched()).toEqual(new Set());
  });

  it(`closes a writer with 4424 after ${MAX_PENDING.updates} held-back updates, before merging another`, async () => {
    const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
    await attacker.synced;
    for (const update of gappedUpdates(freshClientId(), MAX_PENDING.updates + 1)) attacker.sendRaw(syncUpdateOf(update));
    expect(await attacker.closed).toMatchObject({ code: CLOSE.unresolvedUpdates });
  });

  it('closes a reader that sends more bytes per second than a person with 4429, while others are served', async () => {
    const attacker = connectRaw(suite.server, WMK, suite.cookies.viewer);
    await attacker.synced;
    const message = paddedStep1(900_000);
    for (let sent = 0; sent <= CONNECTION_BUDGET.bytes.burst; sent += message.byteLength) attacker.sendRaw(message);
    const slowest = await slowestSessionDuring(suite.server, suite.cookies.honest, attacker.closed);
    expect((await attacker.closed).code).toBe(CLOSE.tooManyMessages);
    expect(slowest).toBeLessThan(HONEST_LATENCY_MS);
  });

  it('still lets an honest viewer read a document with deletions: its sync step 2 repeats them and is acknowledged', async () => {
    const editor = newClient(suite.server, WMK, suite.cookies.district);
    clients.push(editor);
    await synced(editor);
    firstEntryText(editor.doc).insert(0, 'WEG ');
    firstEntryText(editor.doc).delete(0, 4);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    const viewer = newClient(suite.server, WMK, suite.cookies.viewer);
    clients.push(viewer);
    await synced(viewer);
    await vi.waitFor(() => expect(viewer.lastAck()).toBe(viewer.sentUpdates()));
    expect(viewer.sentUpdates()).toBeGreaterThan(0);
    // After more deletions, a reconnect sends them back too.
    viewer.provider.disconnect();
    firstEntryText(editor.doc).insert(0, 'NOCHMAL ');
    firstEntryText(editor.doc).delete(0, 8);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    viewer.provider.connect();
    await vi.waitFor(() => expect(viewer.provider.synced && viewer.lastAck() === viewer.sentUpdates() && viewer.sentUpdates() > 0).toBe(true));
    expect(viewer.closes).toEqual([]);
  });
});
