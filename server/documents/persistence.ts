import * as Y from 'yjs';
import type { Store } from '../store/types.js';
import type { SyncExtension } from '../sync/extensions.js';
import { namedDoc } from '../sync/namedDoc.js';
import type { DeferredDocument, DocumentBatch, LoadedDocument } from '../sync/types.js';
import type { AgreementPeer } from './peer.js';

/** Updates after the last snapshot at which a loaded document is compacted. */
export const COMPACT_AFTER_UPDATES = 500;

/**
 * Loading an agreement's document from the store (snapshot + the updates after it), the group
 * commit of accepted updates, and compaction that keeps loading proportional to the document
 * rather than to its history. The full update log stays as the audit trail.
 */
export class PersistenceExtension implements SyncExtension<AgreementPeer> {
  readonly name = 'persistence';
  /**
   * Per loaded document: the room's write count at which the stored log had no updates after the
   * snapshot. The room counts every committed write (clients' and the server's own), so nobody
   * needs to tell this extension about writes. Keyed by the Y.Doc, so that a reload that overlaps
   * an unload never mixes the two loads' counts.
   */
  private readonly snapshotAt = new WeakMap<Y.Doc, number>();

  constructor(private readonly store: Store) {}

  async loadDocument(name: string): Promise<Y.Doc | DeferredDocument> {
    const stored = await this.store.loadDocument(name);
    if (!stored.snapshot && stored.updates.length === 0) throw new Error(`no document for agreement ${name}`);
    if (stored.snapshot && stored.updates.length === 0) {
      // Compacted (every document unloaded in operation is): the room decodes it when it is needed,
      // and until then answers joiners with the stored state. A snapshot from before the state
      // vector was stored with it costs one pass over the bytes, still far less than decoding.
      const stateVector = stored.snapshotStateVector ?? Y.encodeStateVectorFromUpdate(stored.snapshot);
      return { doc: namedDoc(name), stored: { update: stored.snapshot, stateVector } };
    }
    const doc = namedDoc(name);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    // The room starts counting at 0; the updates already after the snapshot count as written before.
    this.snapshotAt.set(doc, -stored.updates.length);
    if (stored.updates.length > COMPACT_AFTER_UPDATES) await this.snapshot(name, doc, 0);
    return doc;
  }

  loadClientOwners(name: string): Promise<ReadonlyMap<number, string>> {
    return this.store.loadClientOwners(name);
  }

  /** Every accepted update of every document in one transaction: the group commit of the sync layer. */
  async storeBatches(batches: DocumentBatch<AgreementPeer>[]): Promise<void> {
    await this.store.appendUpdates(
      batches.flatMap(({ documentName, updates }) =>
        updates.map((u) => ({ agreementId: documentName, update: u.update, author: { username: u.peer?.username ?? 'system', via: u.peer ? ('client' as const) : ('server' as const) }, at: u.at })),
      ),
    );
  }

  async afterApply(document: LoadedDocument): Promise<void> {
    if (this.sinceSnapshot(document) >= COMPACT_AFTER_UPDATES) await this.snapshot(document.name, document.doc, document.writes);
  }

  async beforeUnload(document: LoadedDocument): Promise<void> {
    if (this.sinceSnapshot(document) > 0) await this.snapshot(document.name, document.doc, document.writes);
  }

  private sinceSnapshot(document: LoadedDocument): number {
    // Still deferred: loaded from a snapshot with nothing after it, and nothing applied since.
    if (!document.decoded) return 0;
    return document.writes - (this.snapshotAt.get(document.doc) ?? 0);
  }

  private async snapshot(name: string, doc: Y.Doc, writes: number): Promise<void> {
    // With its state vector: the next load can hand both to the room without decoding (Room).
    await this.store.writeSnapshot(name, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc));
    this.snapshotAt.set(doc, writes);
  }
}

