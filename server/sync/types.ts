import type * as Y from 'yjs';

/**
 * The sync layer speaks the y-websocket protocol and knows Yjs, not agreements. Authentication,
 * persistence and the lock rules plug in through these hooks (the Hocuspocus way).
 */

/** The transport a connection writes to: a websocket in production, anything in tests. */
export interface Socket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
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

export interface SyncHooks<TPeer extends PeerInfo> {
  /** Builds the document from storage. Called once per load. */
  loadDocument(documentName: string): Promise<Y.Doc>;
  /** Which user owns each Yjs client id of the document from earlier loads (see Room.clientOwners). */
  loadClientOwners?(documentName: string): Promise<ReadonlyMap<number, string>>;
  /** Decides whether an update may be applied; null accepts it. Must not mutate anything. */
  checkUpdate(context: CheckContext<TPeer>): Rejection | null;
  /** Commits accepted client updates (in order, all or none) before they are applied and broadcast. */
  storeUpdates(documentName: string, updates: AcceptedUpdate<TPeer>[]): Promise<void>;
  /**
   * Commits the updates of several documents in one transaction (all or none). Optional: without
   * it, each document's updates are committed by storeUpdates, one commit per document.
   */
  storeBatches?(batches: DocumentBatch<TPeer>[]): Promise<void>;
  /** Called after committed updates were applied to the real document (e.g. to compact it). */
  afterApply?(documentName: string, doc: Y.Doc): Promise<void>;
  /** Called when a loaded document is about to be unloaded, e.g. to compact its history. */
  beforeUnload?(documentName: string, doc: Y.Doc): Promise<void>;
  log(event: string, details: Record<string, unknown>): void;
}
