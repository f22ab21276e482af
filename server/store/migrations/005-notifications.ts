import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/**
 * Step 5: notifications (issue 15). `notifications` is each user's Benachrichtigungen list;
 * `notification_settings` holds a user's mail choices (no row: the defaults of
 * shared/notifications/types.ts); `mail_outbox` is what the mail worker sends. Outbox rows are
 * written in the same transaction as their notification, so a mail exists exactly when the
 * change that caused it was committed. `key` is the idempotency key: a second row for the same
 * notification (or the same day's digest) is refused by the UNIQUE constraint.
 *
 * Outbox states: pending → sending → sent, or pending → (failed attempt) pending with a later
 * `next_attempt_at`, or → failed after the last attempt. A row found in "sending" after a start
 * is never sent again (at most once): the process died between the SMTP call and marking it.
 */
const SQL = `
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL,
  kind TEXT NOT NULL,
  agreement_id TEXT,
  thread_id TEXT,
  actor TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  digest_pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_recipient ON notifications (recipient, id);
CREATE INDEX notifications_digest ON notifications (digest_pending, recipient) WHERE digest_pending = 1;
CREATE TABLE notification_settings (
  username TEXT PRIMARY KEY,
  settings TEXT NOT NULL,
  last_digest_at INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
`;

export const notifications: Migration = {
  version: 5,
  name: 'notifications',
  up(db: Database) {
    db.exec(SQL);
  },
};
