import type { SyncExtension } from '../sync/extensions.js';
import type { LoadedDocument } from '../sync/types.js';
import type { AgreementPeer } from './peer.js';

/**
 * Tells listeners which agreement's document just changed: after every committed change applied
 * to a loaded document, by a client or by a command of the server (the status board's live rows).
 * The last extension of the list, so that listeners see what the others derived.
 */
export class DocumentActivity implements SyncExtension<AgreementPeer> {
  readonly name = 'document-activity';
  private readonly listeners = new Set<(documentName: string) => void>();

  /** Returns the unsubscribe. */
  onChange(listener: (documentName: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async afterApply(document: LoadedDocument): Promise<void> {
    for (const listener of this.listeners) listener(document.name);
  }
}
