import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AWARENESS_LIMITS, CLOSE } from '../../shared/protocol.js';
import type { Rejection } from './types.js';

/** An awareness update as the server will relay it, and the client ids it speaks for. */
export interface RewrittenAwareness {
  update: Uint8Array | null;
  clientIds: number[];
}

/**
 * Rewrites an awareness update from a client so that it carries nothing but what the editor uses
 * and cannot pose as anyone: a state keeps only a valid `cursor` (two Yjs relative positions)
 * and gets the server's `presence` (user name, colour); every other field is dropped. A
 * connection may speak only for client ids `mayUseClientId` allows, for at most
 * AWARENESS_LIMITS.clientsPerConnection of them (states for others are dropped), with states of
 * at most AWARENESS_LIMITS.stateBytes (4413 beyond).
 * Awareness is relayed to every peer and sent to every joiner, so whatever passed here used to be
 * multiplied by the room.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  presence: Record<string, unknown>,
  mayUseClientId: (clientId: number, clock: number) => boolean,
  ownIds: ReadonlySet<number>,
): RewrittenAwareness | Rejection {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // Before reading a single state: one message with 60,000 ids cost every peer a MiB-sized frame.
  if (count > AWARENESS_LIMITS.statesPerMessage) {
    return { code: CLOSE.badMessage, reason: `awareness message with ${count} states; at most ${AWARENESS_LIMITS.statesPerMessage}` };
  }
  const kept: [number, number, string][] = [];
  const ids = new Set(ownIds);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const own = ids.has(clientId);
    // y-websocket's client relays the states of everyone it hears about: those are dropped here
    // (another connection speaks for them, or they are stale), as is a removal of someone else's
    // state and every id beyond the connection's few.
    if (!mayUseClientId(clientId, clock) || (!own && (json === 'null' || ids.size >= AWARENESS_LIMITS.clientsPerConnection))) continue;
    if (json.length > AWARENESS_LIMITS.stateBytes) return { code: CLOSE.tooLarge, reason: `awareness state of ${json.length} characters` };
    const state: unknown = JSON.parse(json);
    if (state === null) kept.push([clientId, clock, 'null']);
    else if (isRecord(state)) kept.push([clientId, clock, JSON.stringify(editorState(state, presence))]);
    else continue;
    ids.add(clientId);
  }
  if (kept.length === 0) return { update: null, clientIds: [] };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: kept.map(([clientId]) => clientId) };
}

/** The fields the editor reads (y-prosemirror's `cursor`), the server's presence over them. */
function editorState(state: Record<string, unknown>, presence: Record<string, unknown>): Record<string, unknown> {
  const { cursor } = state;
  if (cursor === null || isCursor(cursor)) return { cursor, ...presence };
  return { ...presence };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** y-prosemirror's cursor: `{ anchor, head }`, each a Yjs RelativePosition as JSON. */
function isCursor(value: unknown): boolean {
  return isRecord(value) && hasOnly(value, ['anchor', 'head']) && isRelativePosition(value.anchor) && isRelativePosition(value.head);
}

function isRelativePosition(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, ['type', 'tname', 'item', 'assoc'])) return false;
  const { type, tname, item, assoc } = value;
  return (
    (type === undefined || type === null || isId(type)) &&
    (tname === undefined || tname === null || (typeof tname === 'string' && tname.length <= 64)) &&
    (item === undefined || item === null || isId(item)) &&
    (assoc === undefined || Number.isSafeInteger(assoc))
  );
}

function isId(value: unknown): boolean {
  return isRecord(value) && hasOnly(value, ['client', 'clock']) && isCount(value.client) && isCount(value.clock);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function hasOnly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}
