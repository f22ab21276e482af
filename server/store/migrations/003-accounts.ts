import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/**
 * Step 3: accounts managed in the product (issue 15). Users get an e-mail address, the admin
 * flag (ministry users who manage accounts), an active flag (a deactivated user keeps their
 * name in every record but cannot log in), the one-time-password mark and the time of the last
 * change. `user_events` is the audit trail of accounts: who did what to whom, when; like the
 * sign-off records it only grows.
 *
 * Nobody becomes admin here: an existing store names its first admin with
 * `npm run user -- add <name> … --admin` (README), a new one through the seed or that command.
 */
const SQL = `
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
UPDATE users SET updated_at = created_at;
CREATE TABLE user_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX user_events_target ON user_events (target, id);
CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events BEGIN SELECT RAISE(ABORT, 'user_events is append-only'); END;
CREATE TRIGGER user_events_no_delete BEFORE DELETE ON user_events BEGIN SELECT RAISE(ABORT, 'user_events is append-only'); END;
`;

export const accounts: Migration = {
  version: 3,
  name: 'accounts',
  up(db: Database) {
    db.exec(SQL);
  },
};
