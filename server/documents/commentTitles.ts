import { entryTitles } from '../../shared/comments/anchor.js';
import { COMMENTS_ROOT, type CommentThread } from '../../shared/comments/types.js';
import type { Logger } from '../log.js';
import type { CommentStore } from '../store/types.js';
import type { SyncExtension } from '../sync/extensions.js';
import type { LoadedDocument } from '../sync/types.js';
import type { AgreementPeer } from './peer.js';

/**
 * Comment threads remember the title of their entry, for the day the entry is deleted: after
 * every applied batch, the titles of entries that have threads are stored, and a thread whose
 * entry has just disappeared gets its last title written into the document.
 */
export class CommentTitlesExtension implements SyncExtension<AgreementPeer> {
  readonly name = 'comment-titles';

  constructor(
    private readonly store: CommentStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async afterApply(document: LoadedDocument): Promise<void> {
    const { name: agreementId, doc } = document;
    const remembered = await this.store.rememberedTitles(agreementId);
    if (remembered.size === 0) return;
    const live = entryTitles(doc);
    const present = new Map([...remembered.keys()].flatMap((id) => (live.has(id) ? [[id, live.get(id) ?? '']] : [])));
    await this.store.rememberTitles(agreementId, present);
    const map = doc.getMap<CommentThread>(COMMENTS_ROOT);
    const stale = [...map.values()].filter((t) => !live.has(t.entryId) && remembered.has(t.entryId) && remembered.get(t.entryId) !== t.entryTitle);
    if (stale.length === 0) return;
    const at = this.now();
    // Not awaited: this runs inside the room's commit loop, which the write itself must pass through.
    void document.submitServerChange(
      (shadow) => {
        const threads = shadow.getMap<CommentThread>(COMMENTS_ROOT);
        // Read again on the shadow: a comment command queued meanwhile may have changed the thread.
        for (const { id } of stale) {
          const thread = threads.get(id);
          if (thread) threads.set(id, { ...thread, entryTitle: remembered.get(thread.entryId) ?? thread.entryTitle });
        }
      },
      (update) => this.store.appendDocUpdate({ agreementId, update, author: { username: 'system', via: 'server' }, at }),
    ).catch((error: unknown) => this.log.error('comment-titles-failed', { agreement: agreementId, error: String(error) }));
  }
}
