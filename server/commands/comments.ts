import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/api.js';
import { entryTextType, entryTitles } from '../../shared/comments/anchor.js';
import { partyOf } from '../../shared/comments/forMe.js';
import { findMentions } from '../../shared/comments/mentions.js';
import {
  COMMENTS_ROOT,
  type Comment,
  type CommentList,
  type CommentThread,
  type CommentThreadView,
  type Participant,
} from '../../shared/comments/types.js';
import { commentTextProblem, normalizeCommentText } from '../../shared/comments/validate.js';
import type { NewThreadRequest } from '../../shared/schemas/comments.js';
import type { AgreementPeer } from '../documents/peer.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { roleAllows } from '../../shared/permissions.js';
import { canComment, type CommentAction } from '../policies/comments.js';
import type { EventFacts, Notifier } from '../notifications/notifier.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { AgreementRecord, CommentStore } from '../store/types.js';
import type { Room } from '../sync/room.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { AgreementService } from './agreements.js';
import { checkPassage } from './commentPassage.js';

type Change = (thread: CommentThread, at: number) => { thread: CommentThread; deleted?: boolean; notify?: EventFacts[] };

const newId = (prefix: string) => `${prefix}-${randomUUID()}`;

/**
 * The comment commands. Each authorises with the policies, records the thread in SQLite and
 * writes it, in the same transaction's update, into Y.Map "comments" of the live document under
 * the server's origin, so every open editor shows it without asking.
 */
export class CommentService {
  /** Commands of one agreement run one after another: each builds on the thread the last one left. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly agreements: AgreementService,
    private readonly store: CommentStore,
    private readonly rooms: RoomRegistry<AgreementPeer>,
    private readonly log: Logger,
    /** Mentions and replies become notifications, recorded with the thread (server/notifications/). */
    private readonly notifier: Notifier | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Open threads of an agreement; release for signature waits until it is 0. */
  openThreadCount(agreementId: string): Promise<number> {
    return this.store.openThreadCount(agreementId);
  }

  async list(user: SessionUser, agreementId: string): Promise<CommentList> {
    await this.authorised(user, agreementId, 'read');
    const threads = await this.store.threads(agreementId);
    const titles = await this.rooms.use(agreementId, async (room) => entryTitles(room.doc));
    const views: CommentThreadView[] = threads.map((thread) => {
      const live = titles.get(thread.entryId);
      return { ...thread, entryTitle: live ?? thread.entryTitle, entryDeleted: live === undefined };
    });
    return { threads: views, openThreads: threads.filter((thread) => thread.status === 'open').length };
  }

  async participants(user: SessionUser, agreementId: string): Promise<Participant[]> {
    const record = await this.authorised(user, agreementId, 'read');
    return this.store.participants(record.districtId);
  }

  async create(user: SessionUser, agreementId: string, request: NewThreadRequest): Promise<CommentThread> {
    const record = await this.authorised(user, agreementId, 'comment');
    const text = this.text(request.text);
    const mentions = findMentions(text, await this.store.participants(record.districtId));
    return this.serial(agreementId, () =>
      this.rooms.use(agreementId, async (room) => {
        const type = entryTextType(room.doc, request.entryId);
        if (!type) fail(404, 'Dieses Projekt gibt es in der Vereinbarung nicht (mehr).', `no entry ${request.entryId} in ${agreementId}`);
        const passage = request.passage ? checkPassage(room.doc, type, request.passage) : null;
        const at = this.now();
        const thread: CommentThread = {
          id: newId('t'),
          agreementId,
          entryId: request.entryId,
          entryTitle: type.toString(),
          passage,
          status: 'open',
          resolvedBy: null,
          resolvedAt: null,
          createdAt: at,
          comments: [this.comment(user, text, mentions, at)],
        };
        await this.write(room, user, thread, false, at, [{ kind: 'mention', mentioned: mentions, threadId: thread.id }]);
        this.log.info('comment-thread-created', { agreement: agreementId, thread: thread.id, entry: thread.entryId, user: user.username });
        return thread;
      }),
    );
  }

  async reply(user: SessionUser, agreementId: string, threadId: string, rawText: string): Promise<CommentThread> {
    const record = await this.authorised(user, agreementId, 'comment');
    const text = this.text(rawText);
    const mentions = findMentions(text, await this.store.participants(record.districtId));
    return this.change(user, agreementId, threadId, 'comment-replied', (thread, at) => ({
      thread: { ...thread, comments: [...thread.comments, this.comment(user, text, mentions, at)] },
      notify: [
        { kind: 'mention', mentioned: mentions, threadId },
        { kind: 'reply', participants: thread.comments.map((c) => c.author.username), mentioned: mentions, threadId },
      ],
    }));
  }

  async edit(user: SessionUser, agreementId: string, threadId: string, commentId: string, rawText: string): Promise<CommentThread> {
    const record = await this.authorised(user, agreementId, 'comment');
    const text = this.text(rawText);
    const mentions = findMentions(text, await this.store.participants(record.districtId));
    return this.change(user, agreementId, threadId, 'comment-edited', (thread, at) => {
      const target = this.ownComment(user, record, thread, commentId, 'edit');
      // Only who is newly mentioned by the edit hears of it.
      const added = mentions.filter((m) => !target.mentions.includes(m));
      return {
        thread: { ...thread, comments: thread.comments.map((c) => (c === target ? { ...c, text, mentions, editedAt: at } : c)) },
        notify: [{ kind: 'mention', mentioned: added, threadId }],
      };
    });
  }

  /** Deletes one's own comment; the thread goes when none of its comments stands any more. */
  async remove(user: SessionUser, agreementId: string, threadId: string, commentId: string): Promise<CommentThread | null> {
    const record = await this.authorised(user, agreementId, 'comment');
    const result = await this.change(user, agreementId, threadId, 'comment-deleted', (thread) => {
      const target = this.ownComment(user, record, thread, commentId, 'delete');
      const comments = thread.comments.map((c) => (c === target ? { ...c, text: '', mentions: [], deleted: true } : c));
      return { thread: { ...thread, comments }, deleted: comments.every((c) => c.deleted) };
    });
    return result.comments.every((c) => c.deleted) ? null : result;
  }

  async resolve(user: SessionUser, agreementId: string, threadId: string): Promise<CommentThread> {
    await this.authorised(user, agreementId, 'resolve');
    return this.change(user, agreementId, threadId, 'comment-thread-resolved', (thread, at) => {
      if (thread.status === 'resolved') return { thread };
      return { thread: { ...thread, status: 'resolved', resolvedBy: { username: user.username, displayName: user.displayName }, resolvedAt: at } };
    });
  }

  async reopen(user: SessionUser, agreementId: string, threadId: string): Promise<CommentThread> {
    await this.authorised(user, agreementId, 'resolve');
    return this.change(user, agreementId, threadId, 'comment-thread-reopened', (thread) =>
      thread.status === 'open' ? { thread } : { thread: { ...thread, status: 'open', resolvedBy: null, resolvedAt: null } },
    );
  }

  /**
   * Called after every batch of updates applied to a loaded agreement: the threads remember the
   * current title of their entry, and when the entry is gone, its threads in the document name it
   * by the title it had last.
   */
  private async change(user: SessionUser, agreementId: string, threadId: string, event: string, apply: Change): Promise<CommentThread> {
    return this.serial(agreementId, () =>
      this.rooms.use(agreementId, async (room) => {
        const current = await this.store.thread(agreementId, threadId);
        if (!current) fail(404, 'Diesen Kommentar gibt es nicht (mehr).', `no thread ${threadId} in ${agreementId}`);
        const at = this.now();
        const next = apply(current, at);
        if (next.thread === current) return current;
        // The thread remembers its entry's title as it is now, for the day the entry is deleted.
        const title = entryTextType(room.doc, current.entryId)?.toString();
        const thread = title === undefined ? next.thread : { ...next.thread, entryTitle: title };
        await this.write(room, user, thread, next.deleted ?? false, at, next.notify ?? []);
        this.log.info(event, { agreement: agreementId, thread: threadId, user: user.username });
        return thread;
      }),
    );
  }

  private async write(room: Room<AgreementPeer>, user: SessionUser, thread: CommentThread, deleted: boolean, at: number, notify: EventFacts[] = []): Promise<void> {
    const notifications = await this.drafts(user, thread.agreementId, notify, at);
    await room.submitServerChange(
      (doc) => {
        const map = doc.getMap<CommentThread>(COMMENTS_ROOT);
        if (deleted) map.delete(thread.id);
        else map.set(thread.id, thread);
      },
      async (update) => {
        const createdBy = thread.comments[0]?.author.username ?? user.username;
        await this.store.commit({ thread, deleted, createdBy, notifications }, { agreementId: thread.agreementId, update, author: { username: user.username, via: 'server' }, at });
      },
    );
    this.notifier?.committed(notifications);
  }

  private async drafts(user: SessionUser, agreementId: string, notify: EventFacts[], at: number): Promise<NotificationDraft[]> {
    const notifier = this.notifier;
    if (!notifier || notify.length === 0) return [];
    const record = await this.agreements.readable(user, agreementId);
    const all = await Promise.all(notify.map((facts) => notifier.draft(record, user, facts, at)));
    return all.flat();
  }

  private async authorised(user: SessionUser, agreementId: string, action: CommentAction): Promise<AgreementRecord> {
    const record = await this.agreements.readable(user, agreementId);
    if (canComment(user, action, record)) return record;
    if (!roleAllows(user, 'comment', record.districtId)) fail(403, 'Mit Lesezugriff können Sie Kommentare lesen, aber nicht schreiben.', `${user.username} (${user.role}) may not comment`);
    fail(409, 'Die Vereinbarung ist unterzeichnet; Kommentare sind nicht mehr möglich.', `${agreementId} is ${record.status}`);
  }

  private ownComment(user: SessionUser, record: AgreementRecord, thread: CommentThread, commentId: string, action: 'edit' | 'delete'): Comment {
    const target = thread.comments.find((c) => c.id === commentId && !c.deleted);
    if (!target) fail(404, 'Diesen Kommentar gibt es nicht (mehr).', `no comment ${commentId} in thread ${thread.id}`);
    if (!canComment(user, action, record, { authorUsername: target.author.username })) {
      fail(403, action === 'edit' ? 'Sie können nur Ihre eigenen Kommentare bearbeiten.' : 'Sie können nur Ihre eigenen Kommentare löschen.', `${user.username} may not ${action} ${commentId}`);
    }
    return target;
  }

  private text(raw: string): string {
    const problem = commentTextProblem(raw);
    if (problem !== null) fail(400, problem, 'invalid comment text');
    return normalizeCommentText(raw);
  }

  private comment(user: SessionUser, text: string, mentions: string[], at: number): Comment {
    return {
      id: newId('c'),
      author: { username: user.username, displayName: user.displayName, party: partyOf(user), partyLabel: user.partyLabel },
      text,
      mentions,
      createdAt: at,
      editedAt: null,
      deleted: false,
    };
  }

  private serial<T>(agreementId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(agreementId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(agreementId, settled);
    void settled.then(() => {
      if (this.queues.get(agreementId) === settled) this.queues.delete(agreementId);
    });
    return next;
  }
}

