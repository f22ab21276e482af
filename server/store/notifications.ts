import type Database from 'better-sqlite3';
import { defaultSettings, isNotificationKind, type NotificationSettings, type NotificationView } from '../../shared/notifications/types.js';
import type { DigestCandidate, NotificationDraft, NotificationStore, OutboxMail, OutgoingMail } from './notificationTypes.js';

interface NotificationRow {
  id: number;
  kind: string;
  agreement_id: string | null;
  actor: string;
  text: string;
  link: string;
  created_at: number;
  read_at: number | null;
}
interface OutboxRow {
  id: number;
  key: string;
  recipient: string;
  address: string;
  subject: string;
  body: string;
  attempts: number;
}

const toView = (row: NotificationRow): NotificationView => ({
  id: row.id,
  kind: isNotificationKind(row.kind) ? row.kind : 'mention',
  text: row.text,
  link: row.link,
  agreementId: row.agreement_id,
  actor: row.actor,
  createdAt: row.created_at,
  read: row.read_at !== null,
});

const toMail = (row: OutboxRow): OutboxMail => ({ ...row });

/** Stored settings over the defaults, so a kind added later gets its default. */
function parseSettings(json: string): NotificationSettings {
  const base = defaultSettings();
  const parsed = JSON.parse(json) as Partial<NotificationSettings>;
  return { mail: { ...base.mail, ...parsed.mail }, digest: parsed.digest ?? base.digest };
}

/** On the connection of server/store/sqlite.ts: the other stores call `insertInTransaction` inside theirs. */
export class SqliteNotificationStore implements NotificationStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * Writes notifications and their outbox rows; synchronous, so it runs inside the caller's
   * transaction (comments, sign-off, fields): the notification exists exactly when the change does.
   * A draft with a `onceKey` that is on record already is skipped, mail and all (migration 008);
   * returns the drafts that were written.
   */
  insertInTransaction(drafts: readonly NotificationDraft[]): NotificationDraft[] {
    const insert = this.db.prepare(
      `INSERT INTO notifications (recipient, kind, agreement_id, thread_id, actor, text, link, created_at, digest_pending, once_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const outbox = this.db.prepare(
      `INSERT OR IGNORE INTO mail_outbox (key, recipient, address, subject, body, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const written: NotificationDraft[] = [];
    for (const d of drafts) {
      const { changes, lastInsertRowid } = insert.run(d.recipient, d.kind, d.agreementId, d.threadId, d.actor, d.text, d.link, d.at, d.digest ? 1 : 0, d.onceKey ?? null);
      if (changes === 0) continue;
      written.push(d);
      // The idempotency key: one mail per notification, whatever retries or restarts follow.
      if (d.mail) outbox.run(`notification:${Number(lastInsertRowid)}`, d.recipient, d.mail.address, d.mail.subject, d.mail.body, d.at, d.at);
    }
    return written;
  }

  async record(drafts: readonly NotificationDraft[]) {
    return drafts.length > 0 ? this.db.transaction(() => this.insertInTransaction(drafts))() : [];
  }

  async list(username: string, limit: number) {
    const rows = this.db.prepare('SELECT * FROM notifications WHERE recipient = ? ORDER BY id DESC LIMIT ?').all(username, limit) as NotificationRow[];
    return rows.map(toView);
  }

  async unreadCount(username: string) {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE recipient = ? AND read_at IS NULL').get(username) as { n: number }).n;
  }

  async markRead(username: string, id: number, at: number) {
    const found = this.db.prepare('SELECT read_at FROM notifications WHERE id = ? AND recipient = ?').get(id, username);
    if (!found) return false;
    this.db.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL').run(at, id, username);
    return true;
  }

  async markAllRead(username: string, at: number) {
    return this.db.prepare('UPDATE notifications SET read_at = ? WHERE recipient = ? AND read_at IS NULL').run(at, username).changes;
  }

  async settings(usernames: readonly string[]) {
    const result = new Map<string, NotificationSettings>();
    const get = this.db.prepare('SELECT settings FROM notification_settings WHERE username = ?');
    for (const username of usernames) {
      const row = get.get(username) as { settings: string } | undefined;
      result.set(username, row ? parseSettings(row.settings) : defaultSettings());
    }
    return result;
  }

  async putSettings(username: string, settings: NotificationSettings, at: number) {
    this.db
      .prepare(
        `INSERT INTO notification_settings (username, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(username) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      )
      .run(username, JSON.stringify(settings), at);
  }

  async claimDue(now: number, limit: number) {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(`SELECT id, key, recipient, address, subject, body, attempts FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`)
        .all(now, limit) as OutboxRow[];
      const mark = this.db.prepare(`UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'`);
      for (const row of rows) mark.run(row.id);
      return rows.map((row) => toMail({ ...row, attempts: row.attempts + 1 }));
    })();
  }

  async markSent(id: number, at: number) {
    this.db.prepare(`UPDATE mail_outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`).run(at, id);
  }

  async markFailedAttempt(id: number, error: string, nextAttemptAt: number | null) {
    this.db
      .prepare(`UPDATE mail_outbox SET state = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?`)
      .run(nextAttemptAt === null ? 'failed' : 'pending', error.slice(0, 500), nextAttemptAt, id);
  }

  async abandonSending() {
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, key, recipient, address, subject, body, attempts FROM mail_outbox WHERE state = 'sending'`).all() as OutboxRow[];
      this.db.prepare(`UPDATE mail_outbox SET state = 'unknown' WHERE state = 'sending'`).run();
      return rows.map(toMail);
    })();
  }

  async digestCandidates(before: number): Promise<DigestCandidate[]> {
    const rows = this.db
      .prepare(
        `SELECT n.id, n.recipient, n.kind, n.text, n.link, n.created_at FROM notifications n
         LEFT JOIN notification_settings s ON s.username = n.recipient
         WHERE n.digest_pending = 1 AND COALESCE(s.last_digest_at, 0) <= ? ORDER BY n.recipient, n.id`,
      )
      .all(before) as { id: number; recipient: string; kind: string; text: string; link: string; created_at: number }[];
    const byUser = new Map<string, DigestCandidate>();
    for (const row of rows) {
      const candidate = byUser.get(row.recipient) ?? { username: row.recipient, items: [] };
      candidate.items.push({ id: row.id, kind: isNotificationKind(row.kind) ? row.kind : 'mention', text: row.text, link: row.link, createdAt: row.created_at });
      byUser.set(row.recipient, candidate);
    }
    return [...byUser.values()];
  }

  async enqueueDigest(username: string, itemIds: readonly number[], mail: OutgoingMail, key: string, at: number) {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT OR IGNORE INTO mail_outbox (key, recipient, address, subject, body, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(key, username, mail.address, mail.subject, mail.body, at, at);
      const clear = this.db.prepare('UPDATE notifications SET digest_pending = 0 WHERE id = ?');
      for (const id of itemIds) clear.run(id);
      this.db
        .prepare(
          `INSERT INTO notification_settings (username, settings, last_digest_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(username) DO UPDATE SET last_digest_at = excluded.last_digest_at`,
        )
        .run(username, JSON.stringify(defaultSettings()), at, at);
    })();
  }
}
