import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import { GroupCommit } from './groupCommit.js';
import { awarenessMessage, syncUpdateMessage } from './messages.js';
import type { LoadedDocument, PeerInfo, Rejection, RoomMember, SyncHooks } from './types.js';

/** The origin of the server's own writes (fields, status, signatures). */
export const SERVER_ORIGIN = Symbol('server');
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

function cloneDoc(doc: Y.Doc, pending: readonly { update: Uint8Array }[] = []): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
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
 */
export class Room<P extends PeerInfo> implements LoadedDocument {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<RoomMember<P>>();
  /** Writes committed since load (stored client updates and server changes); compaction reads it. */
  private committedWrites = 0;
  /**
   * Which user writes as which Yjs client id. Structs carry only a client id and a clock; an update
   * that claimed clocks of another user's client (a GC struct of huge length costs a few bytes)
   * would make the server take that user's later edits for known ones, acknowledge and drop them.
   * A client id belongs to the user who first wrote with it; the store remembers that across loads
   * and restarts, so nobody can claim a known id after a restart.
   */
  private readonly clientOwners = new Map<number, string>();
  /** doc + the queued updates; built when the first write arrives, so readers never pay for it. */
  private shadowDoc: Y.Doc | null = null;
  private queue: Queued<P>[] = [];
  private flushing = false;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly hooks: SyncHooks<P>,
    private readonly groupCommit: GroupCommit<P> = new GroupCommit(hooks),
    owners: ReadonlyMap<number, string> = new Map(),
  ) {
    for (const [client, username] of owners) this.clientOwners.set(client, username);
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = syncUpdateMessage(update);
      for (const connection of this.connections) if (connection !== origin) connection.send(message);
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      const message = awarenessMessage(this.awareness, added.concat(updated, removed));
      for (const connection of this.connections) if (connection !== origin) connection.send(message);
    });
  }

  private get shadow(): Y.Doc {
    this.shadowDoc ??= cloneDoc(this.doc, this.queue);
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
    try {
      // Read through once, struct by struct, before Yjs decodes it for real: Yjs 13 allocates an
      // array as long as the struct count an update claims, and a 10-byte update that claims 28
      // million structs blocked the event loop for 150 ms. Here a false count just runs out of bytes.
      Y.parseUpdateMeta(update);
    } catch (error: unknown) {
      return { code: CLOSE.badMessage, reason: `undecodable update: ${String(error)}` };
    }
    let transaction: Y.Transaction | null = null;
    const capture = (tr: Y.Transaction) => {
      transaction ??= tr;
    };
    const shadow = this.shadow;
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
      const rejection = this.claimClients(advanced, connection.peer.username) ?? this.hooks.checkUpdate({ documentName: this.name, peer: connection.peer, transaction: tr, shadow });
      if (rejection) {
        this.rebuildShadow();
        return rejection;
      }
      for (const client of advanced) this.clientOwners.set(client, connection.peer.username);
    }
    this.queue.push({ kind: 'client', connection, update, ackNumber, noop, at: Date.now() });
    this.scheduleFlush();
    return 'queued';
  }

  /**
   * Whether `username` may use the Yjs client id `client`, claiming it if nobody has. Awareness
   * claims too: it announces a client id before its first edit, to anyone listening.
   */
  claimClient(client: number, username: string): boolean {
    const owner = this.clientOwners.get(client);
    if (owner === undefined) this.clientOwners.set(client, username);
    return owner === undefined || owner === username;
  }

  /** A rejection if the update writes as a Yjs client that another user (or the server) writes as. */
  private claimClients(clients: readonly number[], username: string): Rejection | null {
    const foreign = clients.find((client) => (this.clientOwners.get(client) ?? username) !== username);
    return foreign === undefined ? null : { code: CLOSE.forbiddenUpdate, reason: `writes as the Yjs client ${foreign} of someone else` };
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
        this.clientOwners.set(shadow.clientID, SERVER_OWNER);
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
        // One acknowledgement per connection and batch: n covers every earlier message.
        const acks = new Map<RoomMember<P>, number>();
        for (const item of batch) {
          if (item.kind === 'server') {
            Y.applyUpdate(this.doc, item.update, SERVER_ORIGIN);
            item.settle(null);
          } else {
            if (!item.noop) Y.applyUpdate(this.doc, item.update, item.connection);
            acks.set(item.connection, item.ackNumber);
          }
        }
        this.committedWrites += batch.filter((item) => item.kind === 'server' || !item.noop).length;
        for (const [connection, ackNumber] of acks) connection.acknowledge(ackNumber);
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
