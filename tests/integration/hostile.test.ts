import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import { CLOSE, MAX_MESSAGE_BYTES, MESSAGE } from '../../shared/protocol.js';
import { firstEntryText } from './body.js';
import { newClient, suiteServer, synced, WMK } from './harness.js';
import { connectRaw } from './rawClient.js';

/**
 * Hostile input gets a documented close code and costs nothing: the process stays up, and an
 * editor connected to the same document keeps editing without noticing.
 */

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

const SYNC_UPDATE = 2;

const hostile: [string, number, (send: (data: Uint8Array | string) => void) => void][] = [
  ['a text frame', CLOSE.badMessage, (send) => send('hallo')],
  ['an unknown message type', CLOSE.badMessage, (send) => send(frame(7))],
  ['an unknown sync message type', CLOSE.badMessage, (send) => send(frame(MESSAGE.sync, 9, new Uint8Array(2)))],
  ['a truncated varint', CLOSE.badMessage, (send) => send(new Uint8Array([0x80]))],
  ['an update that is not a Yjs update', CLOSE.badMessage, (send) => send(frame(MESSAGE.sync, SYNC_UPDATE, new Uint8Array([5, 200, 1, 2, 3, 250, 250, 250])))],
  ['an awareness update that is not JSON', CLOSE.badMessage, (send) => send(frame(MESSAGE.awareness, new TextEncoder().encode('\x01\x01\x01\x03{no')))],
  ['a frame over the cap', CLOSE.tooLarge, (send) => send(new Uint8Array(MAX_MESSAGE_BYTES + 1))],
  ['a frame the websocket library cuts off', 1009, (send) => send(new Uint8Array(2 * MAX_MESSAGE_BYTES + 1))],
  [
    'a flood of messages',
    CLOSE.tooManyMessages,
    (send) => {
      for (let i = 0; i < 1000; i++) send(frame(MESSAGE.queryAwareness));
    },
  ],
];

describe('hostile input on the websocket', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat' });

  it.each(hostile)('closes a connection that sends %s with its code, and nobody else notices', async (_name, code, attack) => {
    const editor = newClient(suite.server, WMK, suite.cookies.ministry);
    const watcher = newClient(suite.server, WMK, suite.cookies.ministry);
    await Promise.all([synced(editor), synced(watcher)]);
    const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
    await attacker.synced;

    attack((data) => attacker.ws.send(data));
    expect((await attacker.closed).code).toBe(code);

    const mark = `nach ${code}: `;
    firstEntryText(editor.doc).insert(0, mark);
    await vi.waitFor(() => expect(firstEntryText(watcher.doc).toString()).toMatch(new RegExp(`^${mark}`)));
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    firstEntryText(editor.doc).delete(0, mark.length);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    expect([...editor.closes, ...watcher.closes]).toEqual([]);
    editor.destroy();
    watcher.destroy();
    attacker.close();
  });
});
