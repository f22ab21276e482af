import type { Migration } from './migration.js';
import { AQB_2024_FROZEN } from './006-aqb-2024.js';

/**
 * Step 6: template versions as data (issue 11).
 *
 * * `template_versions`: one row per version. A draft holds its label and ministry names; its text
 *   lives in its live document (below). Publishing writes the canonical content and its SHA-256
 *   and flips the state, once: triggers refuse any UPDATE or DELETE of a published row, like the
 *   append-only sign-off tables, so an agreement's version and the hash it was signed under stay
 *   reproducible forever.
 * * `template_doc_updates` / `template_doc_snapshots` / `template_doc_clients`: the Yjs update log
 *   of draft documents, which ministry editors write together over /collab/template/:version.
 *   Not the agreements' `doc_updates`: its rows reference `agreements(id)`, and a template draft
 *   is no agreement (it would show up in every agreement query and count). The same shape keeps
 *   the same audit trail (who wrote what, when). A trigger refuses updates of a published version.
 * * The row of `aqb-2024`, published, with its text frozen in ./006-aqb-2024.ts, so that a store
 *   started with SEED=none can start a round at once.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS template_versions (
  version TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'published')),
  based_on TEXT REFERENCES template_versions(version),
  ministry TEXT NOT NULL,
  content TEXT,
  sha256 TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  published_by TEXT,
  published_at INTEGER,
  CHECK ((state = 'published') = (content IS NOT NULL AND sha256 IS NOT NULL AND published_by IS NOT NULL AND published_at IS NOT NULL))
);
CREATE TRIGGER IF NOT EXISTS template_versions_published_unchanged BEFORE UPDATE ON template_versions
  WHEN OLD.state = 'published'
  BEGIN SELECT RAISE(ABORT, 'a published template version is immutable'); END;
CREATE TRIGGER IF NOT EXISTS template_versions_published_kept BEFORE DELETE ON template_versions
  WHEN OLD.state = 'published'
  BEGIN SELECT RAISE(ABORT, 'a published template version is immutable'); END;
CREATE TABLE IF NOT EXISTS template_doc_updates (
  version TEXT NOT NULL REFERENCES template_versions(version),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  author TEXT NOT NULL,
  via TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (version, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS template_doc_updates_of_drafts BEFORE INSERT ON template_doc_updates
  WHEN (SELECT state FROM template_versions WHERE version = NEW.version) = 'published'
  BEGIN SELECT RAISE(ABORT, 'a published template version takes no updates'); END;
CREATE TABLE IF NOT EXISTS template_doc_snapshots (
  version TEXT PRIMARY KEY REFERENCES template_versions(version),
  upto_seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS template_doc_clients (
  version TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  PRIMARY KEY (version, client_id)
) WITHOUT ROWID;
`;

/** When aqb-2024 counts as published: the year's first agreement was made with it. */
const PUBLISHED_2024 = Date.UTC(2024, 0, 1);

export const templates: Migration = {
  version: 6,
  name: 'templates',
  up(db) {
    db.exec(SCHEMA);
    const v = AQB_2024_FROZEN;
    db.prepare(
      `INSERT OR IGNORE INTO template_versions (version, label, state, based_on, ministry, content, sha256, created_by, created_at, published_by, published_at)
       VALUES (?, ?, 'published', NULL, ?, ?, ?, 'system', ?, 'system', ?)`,
    ).run(v.version, v.label, v.ministry, v.content, v.sha256, PUBLISHED_2024, PUBLISHED_2024);
  },
};
