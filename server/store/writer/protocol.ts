/** What the commit worker is started with (its `workerData`). */
export interface WriterOptions {
  /** The SQLite file; the worker opens a connection of its own on it. */
  file: string;
  synchronous: 'FULL' | 'OFF';
}

/** A request to the commit worker; it answers each with a WriterReply of the same id, in order. */
export type WriterRequest =
  /** `packed`: the updates as packUpdates wrote them (packedUpdates.ts), transferred with the message. */
  | { id: number; kind: 'append'; packed: Uint8Array }
  | { id: number; kind: 'snapshot'; agreementId: string; state: Uint8Array; at: number }
  | { id: number; kind: 'close' };

export type WriterReply = { id: number; ok: true; seqs: number[] } | { id: number; ok: false; error: string };
/** What the worker posts: once `ready` (its connection is open), then one reply per request. */
export type WriterMessage = { ready: true } | WriterReply;
