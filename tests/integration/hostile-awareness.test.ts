import { afterEach, describe, expect, it, vi } from 'vitest';
import { AWARENESS_LIMITS, CLOSE } from '../../shared/protocol.js';
import { HONEST_LATENCY_MS, sessionLatency, slowestSessionDuring, storedUpdates } from './attackProbe.js';
import { firstEntryText } from './body.js';
import { newClient, suiteServer, synced, WMK, type TestClient } from './harness.js';
import { awarenessFrame, freshClientId } from './hostileCorpus.js';
import { connectRaw } from './rawClient.js';

const position = (clock: number) => ({ type: { client: 7, clock: 0 }, tname: null, item: { client: 7, clock }, assoc: 0 });
const cursor = { anchor: position(3), head: position(5) };

/**
 * Issue 9, finding 4: awareness carries nothing but what the editor uses (a cursor; the user is
 * the server's), for at most two client ids per connection, with small states, and a connection's
 * claims on client ids end with it.
 */
describe('awareness from a hostile client', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat', honest: 'fd-referat' });
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  async function watcher() {
    const client = newClient(suite.server, WMK, suite.cookies.ministry);
    clients.push(client);
    await synced(client);
    return client;
  }

  async function attacker() {
    const raw = connectRaw(suite.server, WMK, suite.cookies.district);
    await raw.synced;
    return raw;
  }

  it('relays only a valid cursor and the server-set user; every other field and an invalid cursor are dropped', async () => {
    const seen = await watcher();
    const raw = await attacker();
    const [valid, invalid] = [freshClientId(), freshClientId()];
    raw.sendRaw(awarenessFrame([[valid, 1, JSON.stringify({ cursor, user: { name: 'Staatsministerin', username: 'hmsi-ministerin' }, junk: 'x'.repeat(3_000) })]]));
    raw.sendRaw(awarenessFrame([[invalid, 1, JSON.stringify({ cursor: { anchor: 'überall', head: { $where: 1 } } })]]));
    await vi.waitFor(() => expect(seen.provider.awareness.getStates().has(invalid)).toBe(true));
    const user = { name: 'Referat Werra-Meißner-Kreis', username: 'wmk-referat' };
    expect(seen.provider.awareness.getStates().get(valid)).toEqual({ cursor, user: expect.objectContaining({ username: user.username }) });
    expect(Object.keys(seen.provider.awareness.getStates().get(invalid) ?? {})).toEqual(['user']);
    raw.close();
  });

  it(`closes a state over ${AWARENESS_LIMITS.stateBytes} bytes with 4413 and relays nothing of it`, async () => {
    const seen = await watcher();
    const raw = await attacker();
    const id = freshClientId();
    raw.sendRaw(awarenessFrame([[id, 1, JSON.stringify({ cursor: null, junk: 'x'.repeat(900_000) })]]));
    expect((await raw.closed).code).toBe(CLOSE.tooLarge);
    expect(seen.provider.awareness.getStates().has(id)).toBe(false);
  });

  it('closes 60,000 states in one message with 4400 before reading them, while others are served and the next joiner gets little', async () => {
    await watcher();
    const raw = await attacker();
    const states = Array.from({ length: 60_000 }, (_, i): [number, number, string] => [2_000_000_000 + i, 1, '{}']);
    const frames = Array.from({ length: 5 }, () => awarenessFrame(states));
    for (const frame of frames) raw.sendRaw(frame);
    const slowest = await slowestSessionDuring(suite.server, suite.cookies.honest, raw.closed);
    expect((await raw.closed).code).toBe(CLOSE.badMessage);
    expect(slowest).toBeLessThan(HONEST_LATENCY_MS);
    expect(await sessionLatency(suite.server, suite.cookies.honest)).toBeLessThan(HONEST_LATENCY_MS);
    const joiner = await watcher();
    expect(joiner.provider.awareness.getStates().size).toBeLessThanOrEqual(4);
  });

  it(`lets one connection speak for ${AWARENESS_LIMITS.clientsPerConnection} client ids and drops states for more`, async () => {
    const seen = await watcher();
    const raw = await attacker();
    const ids = Array.from({ length: AWARENESS_LIMITS.clientsPerConnection + 3 }, freshClientId);
    for (const id of ids) raw.sendRaw(awarenessFrame([[id, 1, '{"cursor":null}']]));
    // A later message is relayed, so the ones before it have been handled.
    raw.sendRaw(awarenessFrame([[ids[0] ?? 0, 2, JSON.stringify({ cursor })]]));
    await vi.waitFor(() => expect(seen.provider.awareness.getStates().get(ids[0] ?? 0)).toMatchObject({ cursor }));
    expect(ids.filter((id) => seen.provider.awareness.getStates().has(id))).toEqual(ids.slice(0, AWARENESS_LIMITS.clientsPerConnection));
    raw.close();
  });

  it('ends the claim on an awareness client id with the connection: afterwards another user may write with it', async () => {
    const raw = await attacker();
    const id = freshClientId();
    raw.sendRaw(awarenessFrame([[id, 1, '{"cursor":null}']]));
    const seen = await watcher();
    await vi.waitFor(() => expect(seen.provider.awareness.getStates().has(id)).toBe(true));
    raw.close();
    await vi.waitFor(() => expect(seen.provider.awareness.getStates().has(id)).toBe(false));

    const stored = storedUpdates(suite.server.dataDir);
    const writer = connectRaw(suite.server, WMK, suite.cookies.ministry);
    await writer.synced;
    writer.doc.clientID = id;
    firstEntryText(writer.doc).insert(0, 'Ministerium ');
    await vi.waitFor(() => expect(writer.lastAck()).toBe(writer.sent()));
    expect(storedUpdates(suite.server.dataDir)).toBe(stored + 1);
    writer.close();
  });
});
