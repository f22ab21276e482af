import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import { ClientIds } from './clientIds.js';
import { GroupCommit } from './groupCommit.js';
import { awarenessMessage, syncUpdateMessage } from './messages.js';
import type { DeferredDocument, LoadedDocument, PeerInfo, Rejection, RoomMember, SyncHooks } from './types.js';

/** The origin of the server's own writes (fields, status, signatures). */
export const SERVER_ORIGIN = Symbol('server');
/** The origin of applying a deferred document's stored state: nothing new, nothing to broadcast. */
const DECODING = Symbol('decoding');
/**
 * Up to this size a room gets ready for writes as soon as someone who may write joins (a few ms);
 * a larger document only at its first write (see Room.prepareForWrites). An agreement is about
 * 2 KB and 60 Yjs structs; 2,000 keystrokes of history add about 36 KB and 2,000 structs.
 */
const PREPARE_AHEAD_MAX_BYTES = 32 * 1024;
const PREPARE_AHEAD_MAX_STRUCTS = 2048;
/** The origin of applying committed batches to the real document. */
const COMMITTED = Symbol('committed');
/** The owner of the server's own Yjs client ids; no username can be empty-prefixed like this. */
const SERVER_OWNER = '\u0000server';

type QueuedClientUpdate<P extends PeerInfo> = {
  kind: 'client';
  connection: RoomMember<P>;
  update: Uint8Array;
  ackNumber: number;
  /** True when the update brought nothing new; it is acknowledged but not stored. */
  noop: boolean;
  at: number;
};
type QueuedServerUpdate = {
  kind: 'server';
  update: Uint8Array;
  commit: (update: Uint8Array) => Promise<void>;
  settle: (error: unknown) => void;
  at: number;
};
type Queued<P extends PeerInfo> = QueuedClientUpdate<P> | QueuedServerUpdate;

/** A document built from `state` (a whole document as one update) and the updates queued after it. */
function cloneDoc(state: Uint8Array, source: Y.Doc, pending: readonly { update: Uint8Array }[] = []): Y.Doc {
  // The source's guid: a made-up one costs 31 calls to crypto.getRandomValues (see namedDoc).
  const copy = new Y.Doc({ gc: source.gc, guid: source.guid });
  Y.applyUpdate(copy, state);
  for (const item of pending) Y.applyUpdate(copy, item.update);
  return copy;
}

/**
 * One loaded document and the connections editing it.
 *
 * Every update is first applied to a shadow copy, where the hooks inspect the transaction; Yjs
 * cannot take an applied update back, so the real document only ever sees accepted updates. The
 * accepted ones wait in a queue until the store has committed them (several at once when they
 * arrive together: a group commit), and only then are they applied to the real document,
 * broadcast to the other connections and acknowledged to their sender.
 *
 * A document loaded deferred (DeferredDocument) is decoded only when something needs its content:
 * the first write, a command, an extension reading `doc`. Until then joiners get the stored
 * state as it is, so opening a document with a long history costs reading it, not decoding it.
 */
export class Room<P extends PeerInfo> implements LoadedDocument {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<RoomMember<P>>();
  /** Writes committed since load (stored client updates and server changes); compaction reads it. */
  private committedWrites = 0;
  /** Which user writes as which Yjs client id (see ClientIds). */
  private readonly clientIds: ClientIds;
  /** The document's state and deletions, for checking readers' updates; dropped on every change. */
  private readerSnapshot: Y.Snapshot | null = null;
  /** The whole document as one update, for every joiner's empty state vector; dropped on every change. */
  private fullState: Uint8Array | null = null;
  /** doc + the queued updates; built when the first write arrives, so readers never pay for it. */
  private shadowDoc: Y.Doc | null = null;
  private queue: Queued<P>[] = [];
  private flushing = false;
  /** The real document; empty while `stored` still waits to be applied to it. */
  private readonly content: Y.Doc;
  private stored: DeferredDocument['stored'] | null;
  private preparing = false;
  private destroyed = false;

  constructor(
    readonly name: string,
    doc: Y.Doc,
    private readonly hooks: SyncHooks<P>,
    private readonly groupCommit: GroupCommit<P> = new GroupCommit(hooks),
    clientIds: ClientIds = new ClientIds(new Map()),
    stored: DeferredDocument['stored'] | null = null,
  ) {
    this.content = doc;
    this.stored = stored;
    this.clientIds = clientIds;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    // Only the room writes to the real document (flush), and it broadcasts what it applies itself:
    // no 'update' listener, so Yjs does not encode every committed update a second time.
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === DECODING) return;
      this.readerSnapshot = null;
      this.fullState = null;
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      const message = awarenessMessage(this.awareness, added.concat(updated, removed));
      for (const connection of this.connections) if (connection !== origin) connection.send(message);
    });
  }

  /** The document with every committed update; decodes a deferred one first. */
  get doc(): Y.Doc {
    this.decode();
    return this.content;
  }

  get decoded(): boolean {
    return this.stored === null;
  }

  private decode() {
    const stored = this.stored;
    if (!stored) return;
    this.stored = null;
    Y.applyUpdate(this.content, stored.update, DECODING);
    this.fullState ??= stored.update;
  }

  /** The document's state vector (the server's sync step 1), without decoding a deferred document. */
  stateVector(): Uint8Array {
    return this.stored?.stateVector ?? Y.encodeStateVector(this.content);
  }

  /** How many Yjs clients the document has structs of. */
  knownClients(): number {
    return this.stored ? decoding.readVarUint(decoding.createDecoder(this.stored.stateVector)) : this.content.store.clients.size;
  }

  /** What a client with `stateVector` lacks (sync step 2), without decoding a deferred document. */
  updateSince(stateVector: Uint8Array): Uint8Array {
    return this.stored ? Y.diffUpdate(this.stored.update, stateVector) : Y.encodeStateAsUpdate(this.content, stateVector);
  }

  /**
   * Gets the room ready for writes, once a connection that may write has its sync answer: decodes
   * a deferred document and builds the shadow, each in a turn of its own after the answer has
   * left. Otherwise the first keystroke paid for both, and when many editors opened their
   * documents together, their first keystrokes waited on each other's decoding (100 documents:
   * p99 ≈ 100 ms in the first half second of typing). Only for documents of ordinary size: a long
   * history is decoded at its first write, as before, so that opening it does not hold up everyone
   * else on the server for a document its opener may only read.
   */
  prepareForWrites() {
    if (this.preparing || this.destroyed || this.shadowDoc !== null || !this.smallEnoughToPrepare()) return;
    this.preparing = true;
    setImmediate(() => {
      if (this.destroyed) {
        this.preparing = false;
        return;
      }
      this.decode();
      setImmediate(() => {
        this.preparing = false;
        if (!this.destroyed) void this.shadow;
      });
    });
  }

  /** Measured without encoding anything: the stored or cached bytes, else the decoded document's structs. */
  private smallEnoughToPrepare(): boolean {
    const bytes = this.stored?.update ?? this.fullState;
    if (bytes) return bytes.byteLength <= PREPARE_AHEAD_MAX_BYTES;
    let structs = 0;
    for (const list of this.content.store.clients.values()) structs += list.length;
    return structs <= PREPARE_AHEAD_MAX_STRUCTS;
  }

  /** Ends the room: its presence and its document. */
  destroy() {
    this.destroyed = true;
    this.awareness.destroy();
    this.content.destroy();
  }

  private get shadow(): Y.Doc {
    // From the cached whole-document update when there is one (a deferred document's stored state).
    this.shadowDoc ??= cloneDoc(this.stateAsUpdate(), this.content, this.queue);
    return this.shadowDoc;
  }

  log(event: string, details: Record<string, unknown>) {
    this.hooks.log(event, details);
  }

  get writes(): number {
    return this.committedWrites;
  }

  /** True while updates are waiting to be committed. */
  get busy(): boolean {
    return this.flushing || this.queue.length > 0;
  }

  /**
   * Checks a client's update on the shadow copy. Returns a rejection (the caller closes the
   * connection), 'deferred' when the update depends on changes the server has not seen yet, or
   * 'queued'.
   */
  receiveUpdate(connection: RoomMember<P>, update: Uint8Array, ackNumber: number): Rejection | 'deferred' | 'queued' {
    if (isEmptyUpdate(update)) {
      // The usual answer to the server's sync step 1 (the client has nothing the server lacks):
      // acknowledged like any other, without building the shadow.
      this.queue.push({ kind: 'client', connection, update, ackNumber, noop: true, at: Date.now() });
      this.scheduleFlush();
      return 'queued';
    }
    let meta: ReturnType<typeof Y.parseUpdateMeta>;
    try {
      // Read through once, struct by struct, before Yjs decodes it for real: Yjs 13 allocates an
      // array as long as the struct count an update claims, and a 10-byte update that claims 28
      // million structs blocked the event loop for 150 ms. Here a false count just runs out of bytes.
      meta = Y.parseUpdateMeta(update);
    } catch (error: unknown) {
      return { code: CLOSE.badMessage, reason: `undecodable update: ${String(error)}` };
    }
    const shadow = this.shadow;
    const known = (client: number) => Y.getState(shadow.store, client);
    const shapeProblem = this.clientIds.checkShape(meta, known);
    if (shapeProblem) return shapeProblem;
    // A gap in a client's clocks: it builds on structs still on their way. Held back without
    // applying it, because applying and then rebuilding the shadow for every such message was
    // what let one connection stall the server.
    for (const [client, from] of meta.from) if (from > known(client)) return 'deferred';
    const unaffordable = this.clientIds.chargeNew(meta, known, connection.peer.username);
    if (unaffordable) return unaffordable;
    let transaction: Y.Transaction | null = null;
    const capture = (tr: Y.Transaction) => {
      transaction ??= tr;
    };
    shadow.on('afterTransaction', capture);
    try {
      Y.applyUpdate(shadow, update, connection);
    } catch (error: unknown) {
      this.rebuildShadow();
      return { code: CLOSE.badMessage, reason: `undecodable update: ${String(error)}` };
    } finally {
      shadow.off('afterTransaction', capture);
    }
    if (shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null) {
      // It builds on changes still on their way (e.g. edits typed just after a reconnect, sent
      // before the client's sync step 2): the connection keeps it and sends it again merged.
      this.rebuildShadow();
      return 'deferred';
    }
    const tr = transaction as Y.Transaction | null;
    const advanced = tr ? advancedClients(tr) : [];
    const noop = tr === null || (tr.changed.size === 0 && tr.deleteSet.clients.size === 0 && advanced.length === 0);
    // An update that brings nothing new is not a write: every client answers the server's sync
    // step 1 with such a step 2 on connect, and a reader (viewer, signatory) must not be refused
    // for it. Only updates that change something go through the hooks.
    if (!noop && tr !== null) {
      const username = connection.peer.username;
      const announcedByOthers = (client: number) => [...this.connections].some((other) => other.peer.username !== username && other.clientIds.has(client));
      const rejection = this.clientIds.foreign(advanced, username, announcedByOthers) ?? this.hooks.checkUpdate({ documentName: this.name, peer: connection.peer, transaction: tr, shadow });
      if (rejection) {
        this.rebuildShadow();
        return rejection;
      }
      this.clientIds.claim(advanced, username);
    }
    this.queue.push({ kind: 'client', connection, update, ackNumber, noop, at: Date.now() });
    this.scheduleFlush();
    return 'queued';
  }

  /**
   * The document as one update, what a sync step 1 with an empty state vector (a new tab, a
   * reader) asks for. Encoded once per change instead of once per request: answering the same
   * request again and again was a cheap way to make the server work.
   */
  stateAsUpdate(): Uint8Array {
    this.fullState ??= this.stored?.update ?? Y.encodeStateAsUpdate(this.content);
    return this.fullState;
  }

  /** Why the peer may not write at all, or null (see SyncHooks.readOnly). */
  readOnly(peer: P): Rejection | null {
    return this.hooks.readOnly(peer);
  }

  /**
   * A reader's update, checked without decoding its content or applying it: it may hold no
   * structs, and only deletions the document already has (every sync step 2 repeats the whole
   * delete set of the sender's document). Then it is acknowledged like any other; anything else
   * is a write and refused.
   */
  receiveReaderUpdate(connection: RoomMember<P>, update: Uint8Array, ackNumber: number, refusal: Rejection): Rejection | null {
    if (!isEmptyUpdate(update)) {
      // The first varUint of an update (v1) is the number of clients it has structs of.
      if (decoding.readVarUint(decoding.createDecoder(update)) !== 0) return refusal;
      this.readerSnapshot ??= Y.snapshot(this.doc);
      if (!Y.snapshotContainsUpdate(this.readerSnapshot, update)) return refusal;
    }
    this.queue.push({ kind: 'client', connection, update, ackNumber, noop: true, at: Date.now() });
    this.scheduleFlush();
    return null;
  }

  /** Whether `username` may announce the Yjs client id `client` in awareness (see ClientIds). */
  mayAnnounce(client: number, username: string): boolean {
    return this.clientIds.mayAnnounce(client, username);
  }

  /**
   * A write of the server's own (fields, status, signatures): made on the shadow, committed by
   * `commit` (which stores it with whatever else belongs to the same command), then applied and
   * broadcast like any other update. Resolves once committed.
   */
  submitServerChange(mutate: (doc: Y.Doc) => void, commit: (update: Uint8Array) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, u]) : u;
      };
      const shadow = this.shadow;
      shadow.on('update', capture);
      try {
        shadow.transact(() => mutate(shadow), SERVER_ORIGIN);
        this.clientIds.claim([shadow.clientID], SERVER_OWNER);
      } catch (error: unknown) {
        this.rebuildShadow();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      } finally {
        shadow.off('update', capture);
      }
      if (update === null) {
        resolve();
        return;
      }
      const settle = (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve());
      this.queue.push({ kind: 'server', update, commit, settle, at: Date.now() });
      this.scheduleFlush();
    });
  }

  private scheduleFlush() {
    if (!this.flushing) void this.flush();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        // Take the leading run of client updates (one group commit) or one server write.
        const first = this.queue[0];
        if (!first) break;
        const count = first.kind === 'server' ? 1 : runLength(this.queue);
        const batch = this.queue.slice(0, count);
        try {
          await this.commit(batch);
        } catch (error: unknown) {
          this.failBatch(batch, error);
          return;
        }
        this.queue.splice(0, count);
        const written = this.applyCommitted(batch);
        this.committedWrites += written;
        // Only after a change: a batch of no-ops (every joiner's sync step 2) applied nothing, and
        // the hooks would read (and so decode) a deferred document for it.
        if (written === 0) continue;
        try {
          await this.hooks.afterApply?.(this);
        } catch (error: unknown) {
          this.hooks.log('after-apply-failed', { document: this.name, error: String(error) });
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Applies a committed batch to the real document, broadcasts each update and acknowledges each
   * sender (one acknowledgement per connection: n covers every earlier message); returns how many
   * writes it held. What is broadcast is the update as accepted: it applied whole to the shadow
   * (no pending structs), and the real document holds the same updates before it, so it brings
   * the other connections exactly what it brings the real document. The sockets are corked
   * meanwhile: a connection's frames of one batch leave in one write.
   */
  private applyCommitted(batch: Queued<P>[]): number {
    const members = [...this.connections];
    for (const member of members) member.cork();
    try {
      const acks = new Map<RoomMember<P>, number>();
      let written = 0;
      // One transaction for the batch: Yjs cleans up (merges structs, runs the listeners) once, not
      // per update. None for a batch of no-ops: an empty transaction would still drop the cached
      // whole-document update, and decode a deferred document.
      const changes = batch.some((item) => item.kind === 'server' || !item.noop);
      const inTransaction = (apply: () => void) => (changes ? this.doc.transact(apply, COMMITTED) : apply());
      inTransaction(() => {
        for (const item of batch) {
          if (item.kind === 'client' && item.noop) {
            acks.set(item.connection, item.ackNumber);
            continue;
          }
          const origin = item.kind === 'server' ? SERVER_ORIGIN : item.connection;
          Y.applyUpdate(this.doc, item.update, origin);
          this.broadcast(item.update, origin);
          written++;
          if (item.kind === 'server') item.settle(null);
          else acks.set(item.connection, item.ackNumber);
        }
      });
      for (const [connection, ackNumber] of acks) connection.acknowledge(ackNumber);
      return written;
    } finally {
      for (const member of members) member.uncork();
    }
  }

  /** Sends an update to every connection but the one it came from. */
  private broadcast(update: Uint8Array, origin: unknown) {
    const message = syncUpdateMessage(update);
    for (const connection of this.connections) if (connection !== origin) connection.send(message);
  }

  private async commit(batch: Queued<P>[]): Promise<void> {
    const first = batch[0];
    if (first?.kind === 'server') return first.commit(first.update);
    const toStore = batch.flatMap((item) => (item.kind === 'client' && !item.noop ? [{ update: item.update, peer: item.connection.peer, at: item.at }] : []));
    if (toStore.length > 0) await this.groupCommit.store(this.name, toStore);
  }

  /**
   * The store failed: nothing queued is acknowledged. Every connection is closed so that its
   * client resyncs and sends again what the server does not have; the shadow is rebuilt from the
   * real document, which holds only committed updates.
   */
  private failBatch(batch: Queued<P>[], error: unknown) {
    this.hooks.log('store-failed', { document: this.name, error: String(error), updates: batch.length });
    const dropped = this.queue.splice(0);
    for (const item of dropped) if (item.kind === 'server') item.settle(error ?? new Error('store failed'));
    this.shadowDoc = null;
    for (const connection of [...this.connections]) connection.close(CLOSE.internalError, 'storage failed');
  }

  /** Forgets the shadow; the next write rebuilds it from the real document and the queue. */
  private rebuildShadow() {
    this.shadowDoc?.destroy();
    this.shadowDoc = null;
  }

}

function runLength(queue: readonly { kind: string }[]): number {
  let n = 0;
  while (n < queue.length && queue[n]?.kind === 'client') n++;
  return n;
}

/** The Yjs clients whose clock a transaction advanced: whose structs it integrated. */
function advancedClients(tr: Y.Transaction): number[] {
  const clients: number[] = [];
  for (const [client, clock] of tr.afterState) if (clock > (tr.beforeState.get(client) ?? 0)) clients.push(client);
  return clients;
}

/** An update v1 without structs and without deletions: [0 clients, 0 deleted ranges]. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
