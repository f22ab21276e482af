import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CLIENT_ID_LIMITS, CLOSE, CONNECTION_BUDGET, MAX_FRAGMENTS, MAX_MESSAGE_BYTES, MAX_PENDING, MESSAGE } from '../../shared/protocol.js';

/**
 * The attack corpus: frames a modified browser or a script could send on /collab/:id, each with
 * the close code docs/protocol.md documents for it. `victim` is the Yjs client id of another
 * user editing the same document.
 */
export interface Attack {
  name: string;
  code: number;
  send(ws: WebSocket, victim: number): void;
  /** Who attacks: a district editor unless said otherwise. */
  as?: 'viewer';
}

/** A frame of varUints and length-prefixed byte arrays. */
export function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

const SYNC_UPDATE = 2;
/** A sync update message carrying `update` as its Yjs update. */
const syncUpdate = (...update: (number | Uint8Array)[]) => frame(MESSAGE.sync, SYNC_UPDATE, frame(...update));
const raw = (...bytes: number[]) => new Uint8Array(bytes);
/** A sync update message carrying an update made by Yjs. */
export const syncUpdateOf = (update: Uint8Array) => frame(MESSAGE.sync, SYNC_UPDATE, update);

/** A Yjs client id nobody has used, different on every call. */
let nextFresh = 1_900_000_000;
export const freshClientId = () => nextFresh++;

/**
 * An update whose structs start at clock 1 of a fresh client (clock 0 is never sent), so the
 * server must hold it back until clock 0 arrives: the shape of issue 9's stalling attack.
 */
export function gappedUpdate(client: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getText('t').insert(0, 'a');
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(1, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** `count` one-character updates of one fresh client after its clock 0, which is never sent. */
export function gappedUpdates(client: number, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getText('t').insert(0, 'a');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i + 1, 'x');
  doc.destroy();
  return updates;
}

/** A sync step 1 whose state vector names `entries` made-up clients: a read that costs the server work. */
export function hugeStateVector(entries: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries);
  for (let i = 0; i < entries; i++) {
    encoding.writeVarUint(encoder, 1_000_000_000 + i);
    encoding.writeVarUint(encoder, 1);
  }
  return frame(MESSAGE.sync, 0, encoding.toUint8Array(encoder));
}

/** A sync step 1 with an empty state vector followed by `padding` bytes the server never reads. */
export function paddedStep1(padding: number): Uint8Array {
  const stateVector = new Uint8Array(padding + 1);
  return frame(MESSAGE.sync, 0, stateVector);
}

/** An awareness message with the given states (JSON as the client chose it). */
export function awarenessFrame(states: [clientId: number, clock: number, json: string][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const [clientId, clock, json] of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, json);
  }
  return frame(MESSAGE.awareness, encoding.toUint8Array(update));
}

/** GC structs of length `length`, one for each of `clients`: a few bytes that claim clocks. */
export function gcUpdate(clients: number[], length: number): Uint8Array {
  return syncUpdate(clients.length, ...clients.flatMap((client) => [1, client, 0, 0, length]), 0);
}

/** Sends one message as many continuation frames of `size` bytes. */
function fragmented(ws: WebSocket, message: Uint8Array, size: number) {
  for (let at = 0; at < message.byteLength; at += size) {
    ws.send(message.subarray(at, at + size), { binary: true, fin: at + size >= message.byteLength });
  }
}

export const ATTACKS: Attack[] = [
  { name: 'a text frame', code: CLOSE.badMessage, send: (ws) => ws.send('hallo') },
  { name: 'invalid UTF-8 in a text frame', code: 1007, send: (ws) => ws.send(raw(0xc3, 0x28, 0xff), { binary: false }) },
  { name: 'an empty frame', code: CLOSE.badMessage, send: (ws) => ws.send(new Uint8Array(0)) },
  { name: 'an unknown message type', code: CLOSE.badMessage, send: (ws) => ws.send(frame(7)) },
  { name: 'an unknown sync message type', code: CLOSE.badMessage, send: (ws) => ws.send(frame(MESSAGE.sync, 9, new Uint8Array(2))) },
  { name: 'a truncated message type', code: CLOSE.badMessage, send: (ws) => ws.send(raw(0x80)) },
  { name: 'a truncated sync type', code: CLOSE.badMessage, send: (ws) => ws.send(raw(0x00, 0x80)) },
  { name: 'a truncated update length', code: CLOSE.badMessage, send: (ws) => ws.send(raw(0x00, 0x02, 0xff, 0xff)) },
  { name: 'an update length beyond the frame', code: CLOSE.badMessage, send: (ws) => ws.send(raw(0x00, 0x02, 0xff, 0x7f, 0x00)) },
  { name: 'a varint of more than 53 bits', code: CLOSE.badMessage, send: (ws) => ws.send(raw(...new Array<number>(12).fill(0xff), 0x01)) },
  { name: 'an update that is not a Yjs update', code: CLOSE.badMessage, send: (ws) => ws.send(frame(MESSAGE.sync, SYNC_UPDATE, raw(5, 200, 1, 2, 3, 250, 250, 250))) },
  { name: 'an awareness update that is not JSON', code: CLOSE.badMessage, send: (ws) => ws.send(frame(MESSAGE.awareness, new TextEncoder().encode('\x01\x01\x01\x03{no'))) },
  { name: 'an awareness update claiming 2^32 states', code: CLOSE.badMessage, send: (ws) => ws.send(frame(MESSAGE.awareness, frame(2 ** 32))) },
  { name: 'a Yjs update claiming 2^32 clients', code: CLOSE.badMessage, send: (ws) => ws.send(syncUpdate(2 ** 32)) },
  { name: 'a Yjs update claiming 2^31 structs', code: CLOSE.badMessage, send: (ws) => ws.send(syncUpdate(1, 2 ** 31, 4242, 0, 0, 1)) },
  // Found by tests/integration/hostile-fuzz.test.ts: Yjs 13 allocates an array of the claimed length.
  { name: 'a 7-byte Yjs update claiming 28 million structs', code: CLOSE.badMessage, send: (ws) => ws.send(frame(MESSAGE.sync, SYNC_UPDATE, raw(121, 209, 251, 254, 13, 99, 220))) },
  // One client, one struct: info 4 (a string item with parent info), then a string claiming 2^31 bytes.
  { name: 'a Yjs string claiming 2^31 bytes', code: CLOSE.badMessage, send: (ws) => ws.send(syncUpdate(1, 1, 4242, 0, 4, 1, 4, 98, 111, 100, 121, 2 ** 31, 120)) },
  { name: 'a delete set claiming 2^32 clients', code: CLOSE.badMessage, send: (ws) => ws.send(syncUpdate(0, 2 ** 32)) },
  {
    name: "a GC struct claiming 2^40 clocks of another user's Yjs client",
    code: CLOSE.forbiddenUpdate,
    send: (ws, victim) => ws.send(syncUpdate(1, 1, victim, 0, 0, 2 ** 40, 0)),
  },
  { name: 'a frame over the cap', code: CLOSE.tooLarge, send: (ws) => ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1)) },
  { name: 'a frame the websocket library cuts off', code: 1009, send: (ws) => ws.send(new Uint8Array(2 * MAX_MESSAGE_BYTES + 1)) },
  { name: 'a flood of 20,000 one-byte fragments', code: 1008, send: (ws) => fragmented(ws, new Uint8Array(20_000).fill(7), 1) },
  { name: `one more fragment than the ${MAX_FRAGMENTS} a message may have`, code: 1008, send: (ws) => fragmented(ws, new Uint8Array(MAX_FRAGMENTS + 1).fill(7), 1) },
  { name: 'a message in a few fragments', code: CLOSE.badMessage, send: (ws) => fragmented(ws, new Uint8Array(64).fill(7), 4) },
  { name: 'fragments adding up to more than the library takes', code: 1009, send: (ws) => fragmented(ws, new Uint8Array(2 * MAX_MESSAGE_BYTES + 64), 4096) },
  // Issue 9: a reader that stalls the server, held-back updates, awareness and client ids as resources.
  { name: "a reader's update (held back at that)", as: 'viewer', code: CLOSE.forbiddenUpdate, send: (ws) => ws.send(syncUpdateOf(gappedUpdate(freshClientId(), 'x'.repeat(900_000)))) },
  {
    name: `held-back updates over ${MAX_PENDING.bytes} bytes`,
    code: CLOSE.unresolvedUpdates,
    send: (ws) => {
      for (let i = 0; i < 2; i++) ws.send(syncUpdateOf(gappedUpdate(freshClientId(), 'x'.repeat(900_000))));
    },
  },
  {
    name: `more than ${MAX_PENDING.updates} held-back updates`,
    code: CLOSE.unresolvedUpdates,
    send: (ws) => {
      for (const update of gappedUpdates(freshClientId(), MAX_PENDING.updates + 1)) ws.send(syncUpdateOf(update));
    },
  },
  { name: 'a state vector naming 100,000 made-up clients', as: 'viewer', code: CLOSE.badMessage, send: (ws) => ws.send(hugeStateVector(100_000)) },
  {
    name: 'sync step 1 messages of 900 KB, again and again (more bytes per second than a person sends)',
    as: 'viewer',
    code: CLOSE.tooManyMessages,
    send: (ws) => {
      const message = paddedStep1(900_000);
      // Just past the burst of the byte budget.
      for (let sent = 0; sent <= CONNECTION_BUDGET.bytes.burst; sent += message.byteLength) ws.send(message);
    },
  },
  { name: 'an awareness state of 900 KB', code: CLOSE.tooLarge, send: (ws) => ws.send(awarenessFrame([[freshClientId(), 1, JSON.stringify({ cursor: null, junk: 'x'.repeat(900_000) })]])) },
  {
    name: 'awareness for 60,000 client ids in one message',
    code: CLOSE.badMessage,
    send: (ws) => ws.send(awarenessFrame(Array.from({ length: 60_000 }, (_, i) => [2_000_000_000 + i, 1, '{}'] as [number, number, string]))),
  },
  { name: 'a GC struct claiming 2^40 clocks of an unused Yjs client', code: CLOSE.forbiddenUpdate, send: (ws) => ws.send(gcUpdate([freshClientId()], 2 ** 40)) },
  {
    name: `an update introducing ${CLIENT_ID_LIMITS.newPerUpdate + 1} new Yjs client ids`,
    code: CLOSE.forbiddenUpdate,
    send: (ws) => ws.send(gcUpdate(Array.from({ length: CLIENT_ID_LIMITS.newPerUpdate + 1 }, freshClientId), 1)),
  },
  {
    name: 'a flood of messages',
    code: CLOSE.tooManyMessages,
    send: (ws) => {
      for (let i = 0; i < 1000; i++) ws.send(frame(MESSAGE.queryAwareness));
    },
  },
];
