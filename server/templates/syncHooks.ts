import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import type { Logger } from '../log.js';
import { decideTemplate } from '../policies/templates.js';
import type { TemplateStore } from '../store/templateTypes.js';
import { composeExtensions, type SyncExtension } from '../sync/extensions.js';
import { namedDoc } from '../sync/namedDoc.js';
import type { CheckContext, DocumentBatch, LoadedDocument, Rejection, SyncHooks } from '../sync/types.js';
import { seedTemplateDoc, templateStateOf } from './draftDoc.js';
import { checkTemplateTransaction } from './draftGuard.js';
import type { TemplatePeer } from './peer.js';

/**
 * Loading and storing a template version's document (migrations/006-templates.ts). A version
 * published without ever being edited live (aqb-2024, written by the migration) has no update
 * log: its document is built from the published content, read-only like every published one.
 */
class TemplatePersistence implements SyncExtension<TemplatePeer> {
  readonly name = 'template-persistence';
  private readonly writtenAt = new WeakMap<Y.Doc, number>();

  constructor(private readonly store: TemplateStore) {}

  async loadDocument(version: string): Promise<Y.Doc> {
    const stored = await this.store.loadDocument(version);
    if (!stored.snapshot && stored.updates.length === 0) {
      const record = await this.store.get(version);
      if (!record?.content) throw new Error(`no document for template ${version}`);
      return seedTemplateDoc(record.content, record.state);
    }
    const doc = namedDoc(version);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    this.writtenAt.set(doc, 0);
    return doc;
  }

  loadClientOwners(version: string): Promise<ReadonlyMap<number, string>> {
    return this.store.loadClientOwners(version);
  }

  async storeBatches(batches: DocumentBatch<TemplatePeer>[]): Promise<void> {
    await this.store.appendUpdates(
      batches.flatMap(({ documentName, updates }) =>
        updates.map((u) => ({ version: documentName, update: u.update, author: { username: u.peer?.username ?? 'system', via: u.peer ? ('client' as const) : ('server' as const) }, at: u.at })),
      ),
    );
  }

  /** A draft's history is short (days of editing); one snapshot when the room unloads keeps loading quick. */
  async beforeUnload(document: LoadedDocument): Promise<void> {
    if (document.writes <= (this.writtenAt.get(document.doc) ?? 0) || templateStateOf(document.doc) !== 'draft') return;
    // A draft deleted while loaded has nothing left to snapshot.
    if ((await this.store.get(document.name))?.state === 'draft') {
      await this.store.writeSnapshot(document.name, Y.encodeStateAsUpdate(document.doc));
      this.writtenAt.set(document.doc, document.writes);
    }
  }
}

/** Who may write a template document, and what an update may change (server/templates/draftGuard.ts). */
class TemplateLockRules implements SyncExtension<TemplatePeer> {
  readonly name = 'template-lock-rules';

  constructor(private readonly now: () => number) {}

  readOnly(peer: TemplatePeer): Rejection | null {
    const decision = decideTemplate(peer.user, 'write');
    return decision.ok ? null : { code: CLOSE.forbiddenUpdate, reason: decision.reason };
  }

  checkUpdate({ peer, transaction, shadow, documentName }: CheckContext<TemplatePeer>): Rejection | null {
    if (peer.sessionExpiresAt <= this.now()) return { code: CLOSE.unauthenticated, reason: 'session expired' };
    const decision = decideTemplate(peer.user, 'write');
    if (!decision.ok) return { code: CLOSE.forbiddenUpdate, reason: decision.reason };
    // The shape first, so that a client writing the state itself gets 4403, not 4409.
    const problem = checkTemplateTransaction(transaction, shadow);
    if (problem) return { code: CLOSE.forbiddenUpdate, reason: problem };
    const state = templateStateOf(shadow);
    if (state !== 'draft') return { code: CLOSE.notEditable, reason: `template ${documentName} is ${String(state)}` };
    return null;
  }
}

export function templateSyncHooks(store: TemplateStore, log: Logger, now: () => number = Date.now): SyncHooks<TemplatePeer> {
  return composeExtensions([new TemplatePersistence(store), new TemplateLockRules(now)], (event, details) => log.warn(event, details));
}
