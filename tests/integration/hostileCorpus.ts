import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { CLOSE, MAX_FRAGMENTS, MAX_MESSAGE_BYTES, MESSAGE } from '../../shared/protocol.js';

/**
 * The attack corpus: frames a modified browser or a script could send on /collab/:id, each with
 * the close code docs/protocol.md documents for it. `victim` is the Yjs client id of another
 * user editing the same document.
 */
export interface Attack {
  name: string;
  code: number;
  send(ws: WebSocket, victim: number): void;
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
  {
    name: 'a flood of messages',
    code: CLOSE.tooManyMessages,
    send: (ws) => {
      for (let i = 0; i < 1000; i++) ws.send(frame(MESSAGE.queryAwareness));
    },
  },
];
