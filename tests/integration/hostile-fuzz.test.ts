import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyJSON } from '../../server/documents/agreementDoc.js';
import { agreementSyncHooks } from '../../server/documents/hooks.js';
import { memoryLogger } from '../../server/log.js';
import { RoomRegistry } from '../../server/sync/registry.js';
import { NODE } from '../../shared/editor/nodes.js';
import { CLOSE, MESSAGE, ROOT } from '../../shared/protocol.js';
import { agreementPeer, MemoryStore, ROOM } from '../unit/sync-fixtures.js';
import { firstEntryText } from './body.js';

/**
 * Random frames, straight into the real sync layer and lock rules (in process, so that each
 * frame's cost is measured on its own): purely random bytes, random Yjs updates and awareness
 * updates behind valid headers, and real keystroke updates with random bytes flipped. Each one
 * either closes its connection with a documented code or is harmless; none takes 100 ms; the
 * locked parts of the document are untouched; and the room still serves an editor afterwards.
 */
const FRAMES = Number(process.env.HOSTILE_FRAMES ?? 10_000);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 1_000_000);
const DOCUMENTED = new Set<number>([CLOSE.badMessage, CLOSE.unauthenticated, CLOSE.forbiddenUpdate, CLOSE.notEditable, CLOSE.tooLarge, CLOSE.tooManyMessages]);

function randomBytes(random: prng.PRNG, max: number): Uint8Array {
  return Uint8Array.from({ length: prng.int32(random, 0, max) }, () => prng.uint32(random, 0, 255));
}

function withHeader(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** The agreement without its §5 list: what no client may change. */
function lockedParts(doc: Y.Doc): unknown {
  const body = bodyJSON(doc);
  return {
    body: (body.content ?? []).filter((node) => node.type !== NODE.projectList),
    fields: doc.getMap(ROOT.fields).toJSON(),
    agreement: doc.getMap(ROOT.agreement).toJSON(),
  };
}

describe('a fuzz of random frames', () => {
  it(`closes ${FRAMES} random frames with documented codes or ignores them, never blocking and never touching the locked text`, { timeout: 120_000 }, async () => {
    process.stdout.write(`hostile fuzz: ${FRAMES} frames, seed ${SEED} (HOSTILE_SEED=${SEED} replays it)\n`);
    const random = prng.create(SEED);
    const store = new MemoryStore();
    const registry = new RoomRegistry(agreementSyncHooks(store, memoryLogger()), { idleUnloadMs: 60_000 });
    const room = await registry.get(ROOM);
    const before = lockedParts(room.doc);

    // Real keystroke updates to mutate.
    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(room.doc));
    const keystrokes: Uint8Array[] = [];
    typist.on('update', (update: Uint8Array) => keystrokes.push(update));
    for (let i = 0; i < 20; i++) firstEntryText(typist).insert(i, 'x');

    const codes = new Map<number, number>();
    let slowest = 0;
    let slowestFrame: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < FRAMES; i++) {
      let closedWith: number | null = null;
      const socket = { send: () => undefined, close: (code: number) => void (closedWith = code) };
      const connection = await registry.connect(ROOM, socket, agreementPeer('wmk-referat', 'werra-meissner-kreis'));
      const roll = prng.real53(random);
      let data: Uint8Array;
      if (roll < 0.4) data = randomBytes(random, 48);
      else if (roll < 0.7) data = withHeader(MESSAGE.sync, 2, randomBytes(random, 40));
      else if (roll < 0.8) data = withHeader(MESSAGE.sync, prng.int32(random, 0, 1), randomBytes(random, 40));
      else if (roll < 0.9) data = withHeader(MESSAGE.awareness, randomBytes(random, 40));
      else {
        const update = Uint8Array.from(prng.oneOf(random, keystrokes));
        for (let flips = prng.int32(random, 1, 3); flips > 0; flips--) update[prng.int32(random, 0, update.length - 1)] = prng.uint32(random, 0, 255);
        data = withHeader(MESSAGE.sync, 2, update);
      }
      const start = performance.now();
      connection.receive(data);
      const took = performance.now() - start;
      if (took > slowest) [slowest, slowestFrame] = [took, data];
      const code: number = closedWith ?? 0;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (closedWith === null) connection.closedByPeer();
    }
    // Let whatever was accepted be committed.
    for (let i = 0; i < 10 && room.busy; i++) await new Promise((resolve) => setImmediate(resolve));

    process.stdout.write(`hostile fuzz: close codes ${JSON.stringify(Object.fromEntries(codes))}, slowest frame ${slowest.toFixed(1)} ms: [${slowestFrame.join(',')}]\n`);
    expect([...codes.keys()].filter((code) => code !== 0 && !DOCUMENTED.has(code))).toEqual([]);
    expect(codes.get(CLOSE.badMessage) ?? 0).toBeGreaterThan(FRAMES / 2);
    expect(slowest).toBeLessThan(100);
    expect(lockedParts(room.doc)).toEqual(before);
    expect(lockedParts(await store.load())).toEqual(before);

    // The room still serves an editor.
    let ack = 0;
    const editor = await registry.connect(
      ROOM,
      {
        send: (message: Uint8Array) => {
          if (message[0] === MESSAGE.ack) ack = message[1] ?? 0;
        },
        close: () => undefined,
      },
      agreementPeer('hmsi-referat', null),
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    doc.on('update', (update: Uint8Array) => editor.receive(withHeader(MESSAGE.sync, 2, update)));
    firstEntryText(doc).insert(0, 'danach ');
    for (let i = 0; i < 20 && ack < 1; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(ack).toBe(1);
    expect(firstEntryText(room.doc).toString()).toMatch(/^danach /);
  });
});
