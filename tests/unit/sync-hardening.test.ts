import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementSyncHooks, type AgreementPeer } from '../../server/documents/hooks.js';
import { memoryLogger } from '../../server/log.js';
import { AttemptLimit } from '../../server/sync/attemptLimit.js';
import { RoomRegistry } from '../../server/sync/registry.js';
import { CLOSE, MESSAGE } from '../../shared/protocol.js';
import { firstEntryText } from '../integration/body.js';
import { agreementPeer, MemoryStore } from './sync-fixtures.js';

/** Group commit across documents, Yjs client ids bound to users, and the connection-attempt buckets. */

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A socket that records acknowledgements and the close code. */
function recordingSocket() {
  const socket = {
    acks: [] as number[],
    closedWith: null as number | null,
    send(data: Uint8Array) {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) === MESSAGE.ack) socket.acks.push(decoding.readVarUint(decoder));
    },
    close(code: number) {
      socket.closedWith = code;
    },
  };
  return socket;
}

async function settle(done: () => boolean) {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

async function setup() {
  const store = new MemoryStore();
  const commits: number[] = [];
  const append = store.appendUpdates.bind(store);
  store.appendUpdates = async (updates) => {
    commits.push(updates.length);
    return append(updates);
  };
  const registry = new RoomRegistry(agreementSyncHooks(store, memoryLogger()), { idleUnloadMs: 60_000 });
  /** A client's copy of a room's document, whose edits go out on its own connection. */
  const open = async (name: string, peer: AgreementPeer, clientID?: number) => {
    const socket = recordingSocket();
    const connection = await registry.connect(name, socket, peer);
    const room = await registry.get(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    // Set after loading: Yjs would pick a new id on seeing its own id's structs from elsewhere.
    if (clientID !== undefined) doc.clientID = clientID;
    doc.on('update', (update: Uint8Array) => connection.receive(syncUpdate(update)));
    return { socket, doc, room };
  };
  return { store, commits, open };
}

const ministry = agreementPeer('hmsi-referat', null);
const district = agreementPeer('wmk-referat', 'werra-meissner-kreis');

describe('the sync layer under load and abuse', () => {
  it('commits the updates of two documents that arrive in the same turn in one transaction', async () => {
    const { commits, open } = await setup();
    const a = await open('aqb-2024-a', ministry);
    const b = await open('aqb-2024-b', district);
    firstEntryText(a.doc).insert(0, 'A ');
    firstEntryText(b.doc).insert(0, 'B ');
    await settle(() => a.socket.acks.length === 1 && b.socket.acks.length === 1);
    expect(commits).toEqual([2]);
    expect(firstEntryText(a.room.doc).toString()).toMatch(/^A /);
    expect(firstEntryText(b.room.doc).toString()).toMatch(/^B /);
  });

  it("refuses with 4403 an update with structs of another user's Yjs client id, and the owner keeps writing", async () => {
    const { store, open } = await setup();
    const owner = await open('aqb-2024-a', ministry, 4242);
    firstEntryText(owner.doc).insert(0, 'mein ');
    await settle(() => owner.socket.acks.length === 1);
    const stored = store.log.length;

    const impostor = await open('aqb-2024-a', district, 4242);
    firstEntryText(impostor.doc).insert(0, 'fremd ');
    await settle(() => impostor.socket.closedWith !== null);
    expect(impostor.socket.closedWith).toBe(CLOSE.forbiddenUpdate);
    expect(store.log.length).toBe(stored);

    firstEntryText(owner.doc).insert(0, 'weiter ');
    await settle(() => owner.socket.acks.length === 2);
    expect(firstEntryText(owner.room.doc).toString()).toMatch(/^weiter mein /);
  });

  it('lets a key make a burst of attempts, then as many a minute as its rate allows', () => {
    let now = 0;
    const limit = new AttemptLimit({ burst: 3, perMinute: 60 }, () => now);
    expect([limit.take('u'), limit.take('u'), limit.take('u'), limit.take('u')]).toEqual([true, true, true, false]);
    expect(limit.take('v')).toBe(true);
    now += 1_000;
    expect([limit.take('u'), limit.take('u')]).toEqual([true, false]);
  });
});
