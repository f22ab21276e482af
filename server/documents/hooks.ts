import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api.js';
import { ROOT, CLOSE } from '../../shared/protocol.js';
import { can, roleMayEditBody } from '../policies/agreements.js';
import type { Store } from '../store/types.js';
import type { DocumentBatch, PeerInfo, SyncHooks } from '../sync/types.js';
import type { Logger } from '../log.js';
import { checkBodyTransaction } from './bodyGuard.js';

export interface AgreementPeer extends PeerInfo {
  user: SessionUser;
  districtId: string;
  sessionExpiresAt: number;
  /** The session this connection rides on; logging out closes the connection. */
  sessionTokenHash: string;
}

/** Updates after the last snapshot at which a loaded document is compacted. */
export const COMPACT_AFTER_UPDATES = 500;

/**
 * The agreement-specific hooks of the sync layer: loading from the store (snapshot + the updates
 * after it), the lock rules, committing, and compaction that keeps loading proportional to the
 * document rather than to its history. The full update log stays as the audit trail.
 */
export function agreementSyncHooks(store: Store, log: Logger, now: () => number = Date.now): SyncHooks<AgreementPeer> & {
  noteWrites(documentName: string, count: number): void;
  compact(documentName: string, doc: Y.Doc): Promise<void>;
} {
  const sinceSnapshot = new Map<string, number>();

  // Every accepted update of every document in one transaction: the group commit of the sync layer.
  const storeBatches = async (batches: DocumentBatch<AgreementPeer>[]) => {
    await store.appendUpdates(
      batches.flatMap(({ documentName, updates }) =>
        updates.map((u) => ({ agreementId: documentName, update: u.update, author: { username: u.peer?.username ?? 'system', via: u.peer ? ('client' as const) : ('server' as const) }, at: u.at })),
      ),
    );
    for (const { documentName, updates } of batches) sinceSnapshot.set(documentName, (sinceSnapshot.get(documentName) ?? 0) + updates.length);
  };

  const compact = async (name: string, doc: Y.Doc) => {
    await store.writeSnapshot(name, Y.encodeStateAsUpdate(doc));
    sinceSnapshot.set(name, 0);
  };

  return {
    async loadDocument(name) {
      const stored = await store.loadDocument(name);
      if (!stored.snapshot && stored.updates.length === 0) throw new Error(`no document for agreement ${name}`);
      const doc = new Y.Doc();
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      });
      sinceSnapshot.set(name, stored.updates.length);
      if (stored.updates.length > COMPACT_AFTER_UPDATES) await compact(name, doc);
      return doc;
    },

    loadClientOwners: (name) => store.loadClientOwners(name),

    checkUpdate({ peer, transaction, shadow, documentName }) {
      if (peer.sessionExpiresAt <= now()) return { code: CLOSE.unauthenticated, reason: 'session expired' };
      if (!roleMayEditBody(peer.user, peer.districtId)) return { code: CLOSE.forbiddenUpdate, reason: `role ${peer.user.role} may not edit` };
      // The lock rules first: the shadow already holds this update, so the status read below is
      // the agreement's own only once we know the update did not write it. (Checked the other
      // way round, a client that writes `status` got 4409 "not editable" instead of 4403.)
      const problem = checkBodyTransaction(transaction, shadow);
      if (problem) return { code: CLOSE.forbiddenUpdate, reason: problem };
      const status = shadow.getMap(ROOT.agreement).get('status');
      if (status !== 'draft') return { code: CLOSE.notEditable, reason: `agreement ${documentName} is ${String(status)}` };
      if (!can(peer.user, 'editBody', { districtId: peer.districtId, status })) return { code: CLOSE.forbiddenUpdate, reason: 'no edit right on this agreement' };
      return null;
    },

    storeUpdates(name, updates) {
      return storeBatches([{ documentName: name, updates }]);
    },

    storeBatches,

    async afterApply(name, doc) {
      if ((sinceSnapshot.get(name) ?? 0) >= COMPACT_AFTER_UPDATES) await compact(name, doc);
    },

    async beforeUnload(name, doc) {
      if ((sinceSnapshot.get(name) ?? 0) > 0) await compact(name, doc);
      sinceSnapshot.delete(name);
    },

    noteWrites(name, count) {
      sinceSnapshot.set(name, (sinceSnapshot.get(name) ?? 0) + count);
    },

    compact,

    log: (event, details) => log.warn(event, details),
  };
}
