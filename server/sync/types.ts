import type * as Y from 'yjs';

/**
 * The sync layer speaks the y-websocket protocol and knows Yjs, not agreements. Authentication,
 * persistence and the lock rules plug into it as extensions (server/sync/extensions.ts), the
 * Hocuspocus way.
 */

/** The transport a connection writes to: a websocket in production, anything in tests. */
export interface Socket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Sends a websocket ping frame; optional, so in-process tests need no heartbeat. */
  ping?(): void;
  /** Holds back what is sent until `uncork` (nested calls count), so that several frames leave in one write; optional. */
  cork?(): void;
  uncork?(): void;
}

/** Why an update was refused: a close code for the client and a reason for the log. */
export interface Rejection {
  code: number;
  reason: string;
}

export interface PeerInfo {
  /** The authenticated user's name, recorded as the author of their updates. */
  username: string;
  /** What awareness must say about this peer; whatever the client claims is replaced by it. */
  presence: Record<string, unknown>;
}

/**
 * What a room needs of a connection. Connection implements it; the room only knows this
 * interface, so that server/sync/connection.ts imports the room and never the other way round.
 */
export interface RoomMember<P extends PeerInfo> {
  readonly peer: P;
  /** Awareness client ids this connection introduced; nobody else may speak for them. */
  readonly clientIds: ReadonlySet<number>;
  send(data: Uint8Array): void;
  acknowledge(ackNumber: number): void;
  close(code: number, reason: string): void;
  /** Holds back what is sent until `uncork` (see Socket.cork). */
  cork(): void;
  uncork(): void;
}

export interface CheckContext<TPeer extends PeerInfo> {
  documentName: string;
  peer: TPeer;
  /** The transaction that applied the update to the shadow copy, not to the real document. */
  transaction: Y.Transaction;
  shadow: Y.Doc;
}

export interface AcceptedUpdate<TPeer extends PeerInfo> {
  update: Uint8Array;
  /** null for the server's own writes. */
  peer: TPeer | null;
  at: number;
}

/** The accepted updates of one document within a group commit. */
export interface DocumentBatch<TPeer extends PeerInfo> {
  documentName: string;
  updates: AcceptedUpdate<TPeer>[];
}

/**
 * A document loaded without decoding it: `doc` is still empty, and `stored` (the whole document as
 * one update, and its state vector) is applied to it only when something needs its content. Until
 * then a new client is answered with the stored bytes as they are.
 */
export interface DeferredDocument {
  doc: Y.Doc;
  stored: { update: Uint8Array; stateVector: Uint8Array };
}

/** A loaded document as extensions see it after a commit or before unloading. */
export interface LoadedDocument {
  readonly name: string;
  /** The document; reading it decodes a deferred one (see DeferredDocument). */
  readonly doc: Y.Doc;
  /** False while the document is still deferred: nothing has been applied to it since it was loaded. */
  readonly decoded: boolean;
  /** Writes committed since the document was loaded (client updates and server changes), counted by the room. */
  readonly writes: number;
  /**
   * A write of the server's own, committed by `commit` before it is applied and broadcast. Do not
   * await it inside afterApply: it passes through the same commit loop that is running the hook.
   */
  submitServerChange(mutate: (doc: Y.Doc) => void, commit: (update: Uint8Array) => Promise<void>): Promise<void>;
}

/** The hooks the sync layer calls, composed from the extensions (see server/sync/extensions.ts). */
export interface SyncHooks<TPeer extends PeerInfo> {
  /** Builds the document from storage, or hands over its stored state to decode later. Called once per load. */
  loadDocument(documentName: string): Promise<Y.Doc | DeferredDocument>;
  /** Which user owns each Yjs client id of the document from earlier loads (see server/sync/clientIds.ts). */
  loadClientOwners?(documentName: string): Promise<ReadonlyMap<number, string>>;
  /**
   * Why the peer may not write at all (a reader), or null. A reader's update is refused before
   * its content is decoded or applied; only what it already has from the server passes.
   */
  readOnly(peer: TPeer): Rejection | null;
  /** Decides whether an update may be applied; null accepts it. Must not mutate anything. */
  checkUpdate(context: CheckContext<TPeer>): Rejection | null;
  /** Commits the updates of several documents in one transaction (all or none), in order. */
  storeBatches(batches: DocumentBatch<TPeer>[]): Promise<void>;
  /** Called after committed updates were applied to the real document (e.g. to compact it). */
  afterApply?(document: LoadedDocument): Promise<void>;
  /** Called when a loaded document is about to be unloaded, e.g. to compact its history. */
  beforeUnload?(document: LoadedDocument): Promise<void>;
  log(event: string, details: Record<string, unknown>): void;
}
