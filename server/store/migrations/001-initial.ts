import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/**
 * Step 1: the schema as it was before migrations existed (commit 875b02e), when three scripts
 * (store, comments, sign-off) each ran `CREATE … IF NOT EXISTS` at start. A store written then
 * has user_version 0 and all of these already; IF NOT EXISTS lets this step pass over them, so
 * it upgrades without loss. Released: never edit this step; change the schema in a new one.
 */

const STORE = `
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  district_id TEXT,
  color TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS agreements (
  id TEXT PRIMARY KEY,
  district_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  template_version TEXT NOT NULL,
  status TEXT NOT NULL,
  fields TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (district_id, year)
);
CREATE TABLE IF NOT EXISTS doc_updates (
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  author TEXT NOT NULL,
  via TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_clients (
  agreement_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  PRIMARY KEY (agreement_id, client_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_snapshots (
  agreement_id TEXT PRIMARY KEY REFERENCES agreements(id),
  upto_seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/** Comment threads and their comments, beside the agreements to share their transactions. */
const COMMENTS = `
CREATE TABLE IF NOT EXISTS comment_threads (
  id TEXT PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  entry_id TEXT NOT NULL,
  entry_title TEXT NOT NULL,
  passage TEXT,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  resolved_by TEXT,
  resolved_by_name TEXT,
  resolved_at INTEGER,
  deleted_at INTEGER
);
CREATE INDEX IF NOT EXISTS comment_threads_by_agreement ON comment_threads (agreement_id, status);
CREATE TABLE IF NOT EXISTS comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES comment_threads(id),
  position INTEGER NOT NULL,
  author TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_party TEXT NOT NULL,
  party_label TEXT NOT NULL,
  text TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER
);
CREATE INDEX IF NOT EXISTS comments_by_thread ON comments (thread_id, position);
`;

/** Releases, signatures and signed scans, and the index the agreement history reads by. */
const SIGNOFF = `
CREATE TABLE IF NOT EXISTS signoff_releases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  hash TEXT NOT NULL,
  text TEXT NOT NULL,
  released_by TEXT NOT NULL,
  released_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS signoff_signatures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  release_id INTEGER NOT NULL REFERENCES signoff_releases(id),
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  party TEXT NOT NULL,
  username TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  place TEXT NOT NULL,
  date TEXT NOT NULL,
  hash TEXT NOT NULL,
  signed_at INTEGER NOT NULL,
  UNIQUE (release_id, party)
);
CREATE TABLE IF NOT EXISTS signoff_scans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  filename TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS signoff_releases_agreement ON signoff_releases (agreement_id, id);
CREATE INDEX IF NOT EXISTS events_agreement ON events (agreement_id, id);
`;

/** Sign-off records are append-only: voiding a signature is the event of reopening, never an edit. */
const APPEND_ONLY = ['signoff_releases', 'signoff_signatures', 'signoff_scans'].map(
  (table) => `
CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`,
);

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database) {
    db.exec(STORE + COMMENTS + SIGNOFF + APPEND_ONLY.join('\n'));
  },
};
