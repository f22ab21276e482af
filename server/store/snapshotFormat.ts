import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * How a document's snapshot is stored (doc_snapshots.state): a marker, the document's state
 * vector, then the whole document as one Yjs update (v1). With the state vector stored beside the
 * state, a document can be opened without decoding it: a new client gets the stored update as it
 * is, and the server's sync step 1 is the stored state vector (see Room in server/sync/room.ts).
 *
 * The marker begins with [0, 0], an update without structs and deletions: a real snapshot that
 * starts so is exactly those two bytes (an empty document), so every snapshot written before this
 * format (a plain update) still reads as one.
 */
const MARKER = Uint8Array.of(0, 0, 0x76, 0x62, 1); // [empty update] "vb" version 1

export interface SnapshotParts {
  update: Uint8Array;
  /** Null for a snapshot written before the state vector was stored with it. */
  stateVector: Uint8Array | null;
}

export function encodeSnapshot(update: Uint8Array, stateVector: Uint8Array | undefined): Uint8Array {
  if (!stateVector) return update;
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, MARKER);
  encoding.writeVarUint8Array(encoder, stateVector);
  encoding.writeUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Splits a stored snapshot without copying: the parts are views of `stored`. */
export function decodeSnapshot(stored: Uint8Array): SnapshotParts {
  if (stored.byteLength < MARKER.byteLength || MARKER.some((byte, i) => stored[i] !== byte)) return { update: stored, stateVector: null };
  const decoder = decoding.createDecoder(stored.subarray(MARKER.byteLength));
  const stateVector = decoding.readVarUint8Array(decoder);
  return { update: stored.subarray(MARKER.byteLength + decoder.pos), stateVector };
}
