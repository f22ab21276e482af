import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PendingUpdate } from '../updateTypes.js';

/**
 * A batch of updates for the commit worker as one buffer, handed over (transferred) instead of
 * copied. postMessage clones every object of a batch (and the whole buffer behind each update's
 * view, which can be a websocket's 64 KiB read buffer): in the profile of 1,000 connections that
 * cost more than the commit itself.
 */
export function packUpdates(updates: readonly PendingUpdate[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, updates.length);
  for (const u of updates) {
    encoding.writeVarString(encoder, u.agreementId);
    encoding.writeVarString(encoder, u.author.username);
    encoding.writeUint8(encoder, u.author.via === 'client' ? 0 : 1);
    encoding.writeFloat64(encoder, u.at);
    encoding.writeVarUint8Array(encoder, u.update);
  }
  return encoding.toUint8Array(encoder);
}

/** The updates of a packed batch, in their order. */
export function unpackUpdates(packed: Uint8Array): PendingUpdate[] {
  const decoder = decoding.createDecoder(packed);
  const count = decoding.readVarUint(decoder);
  const updates: PendingUpdate[] = [];
  for (let i = 0; i < count; i++) {
    const agreementId = decoding.readVarString(decoder);
    const username = decoding.readVarString(decoder);
    const via = decoding.readUint8(decoder) === 0 ? 'client' : 'server';
    const at = decoding.readFloat64(decoder);
    const update = decoding.readVarUint8Array(decoder);
    updates.push({ agreementId, update, author: { username, via }, at });
  }
  return updates;
}
