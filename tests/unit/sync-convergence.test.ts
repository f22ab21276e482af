import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MEASURE_TYPE_NUMBERS } from '../../shared/measureTypes.js';
import { bodyJSON } from '../../server/documents/agreementDoc.js';
import { agreementSyncHooks } from '../../server/documents/hooks.js';
import { memoryLogger } from '../../server/log.js';
import { RoomRegistry } from '../../server/sync/registry.js';
import { entries, entryText, groups, newEntry, newGroup, projectList } from '../integration/body.js';
import { agreementPeer, MemoryStore, ROOM } from './sync-fixtures.js';
import { Network, SimulatedPeer } from './sync-network.js';

/**
 * Three editors and the server in one process, with messages delayed and overtaking each other
 * in both directions, dropped connections and offline edits: after the network is quiet, every
 * peer, the server's document and what the store would load are the same document. Seeds are in
 * the test names; FUZZ_SEED=n runs one.
 */

/** One random edit that the editor's UI could make: inside the §5 list, valid ids, short titles. */
function randomEdit(doc: Y.Doc, random: prng.PRNG) {
  const allGroups = groups(doc);
  const group = allGroups.length > 0 ? prng.oneOf(random, allGroups) : null;
  const groupEntries = group ? entries(group) : [];
  const entry = groupEntries.length > 0 ? prng.oneOf(random, groupEntries) : null;
  const text = entry?.get(0) instanceof Y.XmlText ? entryText(entry) : null;
  const kind = prng.int32(random, 0, 99);
  if (kind < 45 && text && text.length < 60) {
    text.insert(prng.int32(random, 0, text.length), prng.word(random, 1, 4));
  } else if (kind < 65 && text && text.length > 0) {
    const from = prng.int32(random, 0, text.length - 1);
    text.delete(from, prng.int32(random, 1, Math.min(5, text.length - from)));
  } else if (kind < 80 && group && groupEntries.length < 15) {
    group.insert(prng.int32(random, 0, groupEntries.length), [newEntry(`p-${prng.word(random, 12, 12)}`, prng.word(random, 1, 12))]);
  } else if (kind < 90 && group && entry) {
    group.delete(groupEntries.indexOf(entry), 1);
  } else if (kind < 95 && allGroups.length < 6) {
    const measureType = prng.oneOf(random, [...MEASURE_TYPE_NUMBERS]);
    projectList(doc).insert(prng.int32(random, 0, allGroups.length), [newGroup(measureType, [newEntry(`p-${prng.word(random, 12, 12)}`, 'Neu')])]);
  } else if (group && allGroups.length > 1) {
    projectList(doc).delete(allGroups.indexOf(group), 1);
  }
}

async function settle() {
  await new Promise((resolve) => setImmediate(resolve));
}

async function run(seed: number) {
  const random = prng.create(seed);
  const store = new MemoryStore();
  const log = memoryLogger();
  const registry = new RoomRegistry(agreementSyncHooks(store, log), { idleUnloadMs: 60_000 });
  const network = new Network(random, 8);
  const peers = [agreementPeer('hmsi-referat', null), agreementPeer('wmk-referat', 'werra-meissner-kreis'), agreementPeer('wmk-referat', 'werra-meissner-kreis')].map(
    (info) => new SimulatedPeer(network, registry, ROOM, info),
  );
  for (const peer of peers) await peer.connect();

  for (let round = 0; round < 80; round++) {
    for (const peer of peers) {
      // Offline edits are made too: they travel in the sync step 2 after the reconnect.
      if (peer.synced && prng.int32(random, 0, 2) === 0) peer.doc.transact(() => randomEdit(peer.doc, random));
      if (peer.online && prng.int32(random, 0, 60) === 0) peer.disconnect();
      else if (!peer.online && prng.int32(random, 0, 4) === 0) await peer.connect();
    }
    network.tick();
    await settle();
  }
  for (const peer of peers) if (!peer.online) await peer.connect();
  const room = await registry.get(ROOM);
  const quiet = () => network.idle && !room.busy && peers.every((peer) => peer.synced);
  for (let tick = 0; tick < 10_000 && !quiet(); tick++) {
    network.tick();
    await settle();
  }
  expect(quiet()).toBe(true);

  expect(peers.flatMap((peer) => peer.closes)).toEqual([]);
  expect(log.lines).toEqual([]);
  const loaded = await store.load();
  const expected = bodyJSON(room.doc);
  for (const doc of [...peers.map((peer) => peer.doc), loaded]) {
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(room.doc));
    expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(room.doc))).toBe(true);
    expect(bodyJSON(doc)).toEqual(expected);
  }
  await registry.drain();
}

const seeds = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : Array.from({ length: 50 }, (_, i) => i + 1);

describe('three editors with delayed, reordered and dropped messages', () => {
  it.each(seeds)('converge with the server and the store (seed %i)', async (seed) => {
    await run(seed);
  });
});
