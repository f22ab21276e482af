import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import { bodyJSON } from '../../server/documents/agreementDoc.js';
import { agreementSyncHooks } from '../../server/documents/hooks.js';
import { memoryLogger } from '../../server/log.js';
import { RoomRegistry } from '../../server/sync/registry.js';
import { firstEntryText, templateBlock } from '../integration/body.js';
import { agreementPeer, MemoryStore, ROOM } from './sync-fixtures.js';
import { Network, SimulatedPeer } from './sync-network.js';

/** The room's promises, one at a time, in process: commit before apply, broadcast and ack; refusals. */

async function setup(options: { now?: () => number } = {}) {
  const store = new MemoryStore();
  const log = memoryLogger();
  const registry = new RoomRegistry(agreementSyncHooks(store, log, options.now), { idleUnloadMs: 60_000 });
  const network = new Network(prng.create(1), 0);
  const room = await registry.get(ROOM);
  const peer = (username: string, districtId: string | null, overrides = {}) => new SimulatedPeer(network, registry, ROOM, agreementPeer(username, districtId, overrides));
  /** Delivers messages until the condition holds (or fails after many ticks). */
  const until = async (condition: () => boolean) => {
    for (let tick = 0; tick < 200 && !condition(); tick++) {
      network.tick();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(condition()).toBe(true);
  };
  const online = async (...peers: SimulatedPeer[]) => {
    for (const p of peers) await p.connect();
    await until(() => peers.every((p) => p.synced && p.lastAck === p.sentUpdates));
  };
  return { store, log, registry, room, peer, until, online };
}

describe('a room', () => {
  it('stays undecoded while only readers join a compacted document, and gets ready for writes once an editor joins', async () => {
    const store = new MemoryStore();
    await store.writeSnapshot(ROOM, Y.encodeStateAsUpdate(await store.load()));
    const registry = new RoomRegistry(agreementSyncHooks(store, memoryLogger()), { idleUnloadMs: 60_000 });
    const network = new Network(prng.create(2), 0);
    const room = await registry.get(ROOM);
    const join = async (peer: SimulatedPeer) => {
      await peer.connect();
      for (let tick = 0; tick < 200 && !peer.synced; tick++) {
        network.tick();
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(peer.synced).toBe(true);
    };
    expect(room.decoded).toBe(false);
    const viewer = new SimulatedPeer(network, registry, ROOM, agreementPeer('wmk-lesen', 'werra-meissner-kreis', { role: 'viewer' }));
    await join(viewer);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(room.decoded).toBe(false);
    expect(firstEntryText(viewer.doc).length).toBeGreaterThan(0);

    // An editor's join decodes it in the background: the first keystroke need not wait for it.
    const editor = new SimulatedPeer(network, registry, ROOM, agreementPeer('wmk-referat', 'werra-meissner-kreis'));
    await join(editor);
    for (let i = 0; i < 5 && !room.decoded; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(room.decoded).toBe(true);
    expect(bodyJSON(room.doc)).toEqual(bodyJSON(editor.doc));
  });

  it('applies, broadcasts and acknowledges an update only after the store has committed it', async () => {
    const { store, room, peer, until, online } = await setup();
    const writer = peer('wmk-referat', 'werra-meissner-kreis');
    const reader = peer('hmsi-referat', null);
    await online(writer, reader);
    const before = bodyJSON(room.doc);
    let release: () => void = () => {};
    store.gate = new Promise((resolve) => (release = resolve));

    firstEntryText(writer.doc).insert(0, 'NEU ');
    await until(() => room.busy);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(writer.lastAck).toBeLessThan(writer.sentUpdates);
    expect(bodyJSON(room.doc)).toEqual(before);
    expect(firstEntryText(reader.doc).toString()).not.toMatch(/^NEU /);

    release();
    await until(() => writer.lastAck === writer.sentUpdates && firstEntryText(reader.doc).toString().startsWith('NEU '));
    expect(firstEntryText(room.doc).toString()).toMatch(/^NEU /);
  });

  it('acknowledges nothing and closes every connection with 1011 when the commit fails; the resend after reconnecting is stored', async () => {
    const { store, log, room, peer, until, online } = await setup();
    const writer = peer('wmk-referat', 'werra-meissner-kreis');
    const reader = peer('hmsi-referat', null);
    await online(writer, reader);
    const acked = writer.lastAck;
    store.failNextAppend = true;

    firstEntryText(writer.doc).insert(0, 'VERLOREN? ');
    await until(() => writer.closes.length > 0 && reader.closes.length > 0);
    expect([writer.closes, reader.closes]).toEqual([[CLOSE.internalError], [CLOSE.internalError]]);
    expect(writer.lastAck).toBe(acked);
    expect(firstEntryText(room.doc).toString()).not.toMatch(/^VERLOREN/);
    expect(log.lines.map((line) => line.event)).toContain('store-failed');

    // y-websocket reconnects after 1011; the edit travels again in the sync step 2.
    await online(writer, reader);
    await until(() => firstEntryText(reader.doc).toString().startsWith('VERLOREN? '));
    expect(firstEntryText(await store.load()).toString()).toMatch(/^VERLOREN\? /);
  });

  it('closes a connection whose session expired with 4401 at its next write, and stores nothing', async () => {
    let now = 1_000;
    const { store, room, peer, until, online } = await setup({ now: () => now });
    const writer = peer('wmk-referat', 'werra-meissner-kreis', { sessionExpiresAt: 2_000 });
    await online(writer);
    now = 2_000;
    const stored = store.log.length;

    firstEntryText(writer.doc).insert(0, 'ZU SPÄT ');
    await until(() => writer.closes.length > 0);
    expect(writer.closes).toEqual([CLOSE.unauthenticated]);
    expect(store.log.length).toBe(stored);
    expect(firstEntryText(room.doc).toString()).not.toMatch(/^ZU SPÄT/);
  });

  it('refuses §5 edits with 4409 once the agreement is no longer a draft, and forbidden updates still with 4403', async () => {
    const { store, room, peer, until, online } = await setup();
    await room.submitServerChange((doc) => doc.getMap('agreement').set('status', 'frozen'), async () => {});
    const editor = peer('wmk-referat', 'werra-meissner-kreis');
    const attacker = peer('wmk-referat', 'werra-meissner-kreis');
    await online(editor, attacker);
    expect(attacker.doc.getMap('agreement').get('status')).toBe('frozen');
    const stored = store.log.length;
    const before = bodyJSON(room.doc);

    firstEntryText(editor.doc).insert(0, 'EINGEFROREN ');
    templateBlock(attacker.doc, 'p4').setAttribute('blockId', 'p1');
    await until(() => editor.closes.length > 0 && attacker.closes.length > 0);
    expect([editor.closes, attacker.closes]).toEqual([[CLOSE.notEditable], [CLOSE.forbiddenUpdate]]);
    expect(store.log.length).toBe(stored);
    expect(bodyJSON(room.doc)).toEqual(before);
  });
});
