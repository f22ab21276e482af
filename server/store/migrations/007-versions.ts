import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/**
 * Step 7: version history (issue 12). `doc_versions` keeps whole document states beside the live
 * document (which keeps Yjs garbage collection on): at release, reopen and final, on request, and
 * before a restore. `upto_seq` is the last update of the log the state contains, so the updates
 * between two versions are exactly the log rows between their `upto_seq`s. Versions are
 * append-only like the sign-off records. `history_seen` is how far each user has seen an
 * agreement's field-change events (the notices of the other party's changes).
 */
const SQL = `
CREATE TABLE doc_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id TEXT NOT NULL REFERENCES agreements(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  state BLOB NOT NULL,
  upto_seq INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX doc_versions_agreement ON doc_versions (agreement_id, id);
CREATE TRIGGER doc_versions_no_update BEFORE UPDATE ON doc_versions BEGIN SELECT RAISE(ABORT, 'doc_versions is append-only'); END;
CREATE TRIGGER doc_versions_no_delete BEFORE DELETE ON doc_versions BEGIN SELECT RAISE(ABORT, 'doc_versions is append-only'); END;
CREATE TABLE history_seen (
  username TEXT NOT NULL,
  agreement_id TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  PRIMARY KEY (username, agreement_id)
) WITHOUT ROWID;
`;

export const versions: Migration = {
  version: 7,
  name: 'versions',
  up(db: Database) {
    db.exec(SQL);
  },
};
