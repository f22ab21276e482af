import type Database from 'better-sqlite3';
import type { Comment, CommentParty, CommentThread, Participant, PassageAnchor, ThreadStatus } from '../../shared/comments/types.js';
import { findDistrict } from '../../shared/districts.js';
import type { SqliteNotificationStore } from './notifications.js';
import type { CommentStore, PendingUpdate, ThreadChange } from './types.js';
import type { UpdateLog } from './updateLog.js';

interface ThreadRow {
  id: string;
  agreement_id: string;
  entry_id: string;
  entry_title: string;
  passage: string | null;
  status: string;
  created_at: number;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: number | null;
}
interface CommentRow {
  id: string;
  thread_id: string;
  author: string;
  author_name: string;
  author_party: string;
  party_label: string;
  text: string;
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  author: { username: row.author, displayName: row.author_name, party: row.author_party as CommentParty, partyLabel: row.party_label },
  text: row.deleted_at === null ? row.text : '',
  mentions: row.deleted_at === null ? (JSON.parse(row.mentions) as string[]) : [],
  createdAt: row.created_at,
  editedAt: row.edited_at,
  deleted: row.deleted_at !== null,
});

/**
 * The record of comment threads, in the agreement's SQLite file (tables: migrations/001-initial.ts).
 * A command writes its rows and the Y.Doc update that mirrors them in one transaction (`commit`).
 */
export class SqliteCommentStore implements CommentStore {
  /** Prepared once and reused: comments are read after every applied batch of edits. */
  private readonly statements = new Map<string, Database.Statement>();
  /** What rememberedTitles read, per agreement; dropped whenever the rows change. */
  private readonly titles = new Map<string, { titles: Map<string, string>; mixed: Set<string> }>();

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** On the connection of server/store/sqlite.ts: same file, same transactions. */
  constructor(
    private readonly db: Database.Database,
    private readonly updateLog: UpdateLog,
    private readonly notifications: Pick<SqliteNotificationStore, 'insertInTransaction'>,
  ) {}

  /** Stores a document update of the comments alone (a refreshed title), in its own transaction. */
  async appendDocUpdate(update: PendingUpdate): Promise<void> {
    this.db.transaction(() => this.updateLog.append(update))();
  }

  async threads(agreementId: string): Promise<CommentThread[]> {
    const rows = this.prepare(`SELECT * FROM comment_threads WHERE agreement_id = ? AND deleted_at IS NULL ORDER BY created_at, id`)
      .all(agreementId) as ThreadRow[];
    const comments = this.prepare(
        `SELECT c.* FROM comments c JOIN comment_threads t ON t.id = c.thread_id
         WHERE t.agreement_id = ? AND t.deleted_at IS NULL ORDER BY c.position`,
      )
      .all(agreementId) as CommentRow[];
    const byThread = new Map<string, Comment[]>();
    for (const row of comments) {
      const list = byThread.get(row.thread_id) ?? [];
      list.push(toComment(row));
      byThread.set(row.thread_id, list);
    }
    return rows.map((row) => this.toThread(row, byThread.get(row.id) ?? []));
  }

  async thread(agreementId: string, threadId: string): Promise<CommentThread | undefined> {
    const row = this.prepare('SELECT * FROM comment_threads WHERE id = ? AND agreement_id = ? AND deleted_at IS NULL').get(threadId, agreementId) as
      | ThreadRow
      | undefined;
    if (!row) return undefined;
    const comments = (this.prepare('SELECT * FROM comments WHERE thread_id = ? ORDER BY position').all(threadId) as CommentRow[]).map(toComment);
    return this.toThread(row, comments);
  }

  async openThreadCount(agreementId: string): Promise<number> {
    const row = this.prepare(`SELECT COUNT(*) AS n FROM comment_threads WHERE agreement_id = ? AND status = 'open' AND deleted_at IS NULL`)
      .get(agreementId) as { n: number };
    return row.n;
  }

  /**
   * The ministry's people and the district's who may comment (shared/permissions.ts: everyone but
   * viewers), active accounts only (migration 003): who can be mentioned in this agreement. A
   * viewer could not answer a mention.
   */
  async participants(districtId: string): Promise<Participant[]> {
    const rows = this.prepare("SELECT username, display_name, district_id FROM users WHERE (district_id IS NULL OR district_id = ?) AND role <> 'viewer' AND active = 1 ORDER BY display_name")
      .all(districtId) as { username: string; display_name: string; district_id: string | null }[];
    return rows.map((row) => ({
      username: row.username,
      displayName: row.display_name,
      party: row.district_id === null ? 'ministry' : 'district',
      partyLabel: row.district_id === null ? 'Ministerium' : (findDistrict(row.district_id)?.name ?? row.district_id),
    }));
  }

  /**
   * The entry titles the threads of an agreement remember, per entry id. Asked after every applied
   * batch of edits (CommentTitlesExtension), so kept per agreement once read: a query per
   * keystroke batch, on the event loop, was a measurable part of the server's CPU under load. Only
   * this store writes the rows, and `commit` and `rememberTitles` keep the copy true.
   */
  async rememberedTitles(agreementId: string): Promise<Map<string, string>> {
    return new Map(this.readTitles(agreementId).titles);
  }

  private readTitles(agreementId: string): { titles: Map<string, string>; mixed: Set<string> } {
    let read = this.titles.get(agreementId);
    if (!read) {
      const rows = this.prepare('SELECT DISTINCT entry_id, entry_title FROM comment_threads WHERE agreement_id = ? AND deleted_at IS NULL')
        .all(agreementId) as { entry_id: string; entry_title: string }[];
      const titles = new Map<string, string>();
      const mixed = new Set<string>();
      for (const row of rows) {
        if (titles.has(row.entry_id)) mixed.add(row.entry_id);
        titles.set(row.entry_id, row.entry_title);
      }
      read = { titles, mixed };
      this.titles.set(agreementId, read);
    }
    return read;
  }

  /** Keeps the last title of entries that still exist, so a deleted entry's threads can name it. */
  async rememberTitles(agreementId: string, titles: ReadonlyMap<string, string>): Promise<void> {
    // Only what differs from the rows; threads of one entry with different titles all get the new one.
    const known = this.readTitles(agreementId);
    const changed = [...titles].filter(([entryId, title]) => known.mixed.has(entryId) || known.titles.get(entryId) !== title);
    if (changed.length === 0) return;
    const update = this.prepare('UPDATE comment_threads SET entry_title = ? WHERE agreement_id = ? AND entry_id = ? AND entry_title <> ?');
    try {
      this.db.transaction(() => {
        for (const [entryId, title] of changed) update.run(title, agreementId, entryId, title);
      })();
    } finally {
      this.titles.delete(agreementId);
    }
  }

  /** Writes a thread's new state and the document update that mirrors it, in one transaction. */
  async commit(change: ThreadChange, update: PendingUpdate): Promise<void> {
    const { thread } = change;
    // Whatever the transaction's outcome, the next read of the titles asks the file again.
    this.titles.delete(thread.agreementId);
    this.db.transaction(() => {
      this.prepare(
          `INSERT INTO comment_threads (id, agreement_id, entry_id, entry_title, passage, status, created_by, created_at, resolved_by, resolved_by_name, resolved_at, deleted_at)
           VALUES (@id, @agreementId, @entryId, @entryTitle, @passage, @status, @createdBy, @createdAt, @resolvedBy, @resolvedByName, @resolvedAt, @deletedAt)
           ON CONFLICT(id) DO UPDATE SET entry_title = excluded.entry_title, status = excluded.status, resolved_by = excluded.resolved_by,
             resolved_by_name = excluded.resolved_by_name, resolved_at = excluded.resolved_at, deleted_at = excluded.deleted_at`,
        )
        .run({
          id: thread.id,
          agreementId: thread.agreementId,
          entryId: thread.entryId,
          entryTitle: thread.entryTitle,
          passage: thread.passage ? JSON.stringify(thread.passage) : null,
          status: thread.status,
          createdBy: change.createdBy,
          createdAt: thread.createdAt,
          resolvedBy: thread.resolvedBy?.username ?? null,
          resolvedByName: thread.resolvedBy?.displayName ?? null,
          resolvedAt: thread.resolvedAt,
          deletedAt: change.deleted ? update.at : null,
        });
      const upsert = this.prepare(
        `INSERT INTO comments (id, thread_id, position, author, author_name, author_party, party_label, text, mentions, created_at, edited_at, deleted_at)
         VALUES (@id, @threadId, @position, @author, @authorName, @authorParty, @partyLabel, @text, @mentions, @createdAt, @editedAt, @deletedAt)
         ON CONFLICT(id) DO UPDATE SET text = excluded.text, mentions = excluded.mentions, edited_at = excluded.edited_at,
           deleted_at = COALESCE(comments.deleted_at, excluded.deleted_at)`,
      );
      thread.comments.forEach((comment, position) => {
        upsert.run({
          id: comment.id,
          threadId: thread.id,
          position,
          author: comment.author.username,
          authorName: comment.author.displayName,
          authorParty: comment.author.party,
          partyLabel: comment.author.partyLabel,
          // A deleted comment's words are gone from the record too; that it existed stays.
          text: comment.deleted ? '' : comment.text,
          mentions: JSON.stringify(comment.deleted ? [] : comment.mentions),
          createdAt: comment.createdAt,
          editedAt: comment.editedAt,
          deletedAt: comment.deleted ? update.at : null,
        });
      });
      this.updateLog.append(update);
      this.notifications.insertInTransaction(change.notifications ?? []);
    })();
  }

  private toThread(row: ThreadRow, comments: Comment[]): CommentThread {
    return {
      id: row.id,
      agreementId: row.agreement_id,
      entryId: row.entry_id,
      entryTitle: row.entry_title,
      passage: row.passage ? (JSON.parse(row.passage) as PassageAnchor) : null,
      status: row.status as ThreadStatus,
      resolvedBy: row.resolved_by ? { username: row.resolved_by, displayName: row.resolved_by_name ?? row.resolved_by } : null,
      resolvedAt: row.resolved_at,
      createdAt: row.created_at,
      comments,
    };
  }
}
