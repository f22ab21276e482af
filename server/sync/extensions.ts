import type * as Y from 'yjs';
import type { CheckContext, DeferredDocument, DocumentBatch, LoadedDocument, PeerInfo, Rejection, SyncHooks } from './types.js';

/**
 * One concern around a sync (persistence, lock rules, derived data …), the way Hocuspocus
 * composes its extensions: each implements the hooks it needs, and they run in the order given.
 */
export interface SyncExtension<P extends PeerInfo> {
  /** For the log, when one of its hooks fails. */
  readonly name: string;
  /** The first extension that implements it loads the document. */
  loadDocument?(documentName: string): Promise<Y.Doc | DeferredDocument>;
  loadClientOwners?(documentName: string): Promise<ReadonlyMap<number, string>>;
  /** Why the peer may not write at all, or null; the first reason wins. Called for every update, so cheap. */
  readOnly?(peer: P): Rejection | null;
  /** Every extension checks in turn; the first rejection wins. Must not mutate anything. */
  checkUpdate?(context: CheckContext<P>): Rejection | null;
  /** The first extension that implements it commits the group commit's batches. */
  storeBatches?(batches: DocumentBatch<P>[]): Promise<void>;
  /** After committed updates were applied to the real document. A failure is logged; the next extension still runs. */
  afterApply?(document: LoadedDocument): Promise<void>;
  /** Before a document is unloaded. A failure is logged; the next extension still runs. */
  beforeUnload?(document: LoadedDocument): Promise<void>;
}

/** The hooks the sync layer calls, from an ordered list of extensions. */
export function composeExtensions<P extends PeerInfo>(
  extensions: readonly SyncExtension<P>[],
  log: (event: string, details: Record<string, unknown>) => void,
): SyncHooks<P> {
  const loader = extensions.find((e) => e.loadDocument);
  const owners = extensions.find((e) => e.loadClientOwners);
  const storer = extensions.find((e) => e.storeBatches);
  if (!loader?.loadDocument || !storer?.storeBatches) throw new Error('sync extensions need one that loads and one that stores documents');
  const { loadDocument, storeBatches } = { loadDocument: loader.loadDocument.bind(loader), storeBatches: storer.storeBatches.bind(storer) };

  // Every extension runs even when one before it failed: compaction failing must not keep comment
  // titles from being remembered, and the other way round.
  const each = async (hook: 'afterApply' | 'beforeUnload', document: LoadedDocument) => {
    for (const extension of extensions) {
      try {
        await extension[hook]?.(document);
      } catch (error: unknown) {
        log(hook === 'afterApply' ? 'after-apply-failed' : 'unload-failed', { document: document.name, extension: extension.name, error: String(error) });
      }
    }
  };

  return {
    loadDocument,
    loadClientOwners: owners?.loadClientOwners ? owners.loadClientOwners.bind(owners) : undefined,
    readOnly(peer) {
      for (const extension of extensions) {
        const reason = extension.readOnly?.(peer) ?? null;
        if (reason) return reason;
      }
      return null;
    },
    checkUpdate(context) {
      for (const extension of extensions) {
        const rejection = extension.checkUpdate?.(context) ?? null;
        if (rejection) return rejection;
      }
      return null;
    },
    storeBatches,
    afterApply: (document) => each('afterApply', document),
    beforeUnload: (document) => each('beforeUnload', document),
    log,
  };
}
