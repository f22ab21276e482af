import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Rewrites an awareness update from a client so that it cannot pose as anyone: every state it
 * sends gets the server's `presence` fields (user name, colour), and it may only speak for the
 * awareness client ids it introduced itself on this connection. Returns null when nothing is left.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  presence: Record<string, unknown>,
  mayUseClientId: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, string][] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (!mayUseClientId(clientId)) continue;
    const state: unknown = JSON.parse(json);
    if (state === null) {
      kept.push([clientId, clock, 'null']);
    } else if (typeof state === 'object' && !Array.isArray(state)) {
      kept.push([clientId, clock, JSON.stringify({ ...(state as Record<string, unknown>), ...presence })]);
    }
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** The client ids an awareness update speaks for. */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}
