import type Database from 'better-sqlite3';
import type { Migration } from './migration.js';

function addColumn(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  // No columns: the table does not exist (yet); its creator applies the step again (see below).
  if (columns.length === 0 || columns.some((c) => c.name === column)) return;
  db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

/**
 * Step 4: agreements signed on paper and the demo's rounds (issue 10).
 *
 * * `signoff_signatures.source`: a signature is either made in vereinbar or recorded by the
 *   ministry from a paper original, so that the document, the PDF and the history can say „auf
 *   Papier unterzeichnet" and nobody mistakes a transcription for an electronic signature.
 *   Existing rows are electronic, which the default states.
 * * `rounds.note`: a line the board shows with a round („Beträge … sind Demowerte"); "" for none.
 *
 * ALTER TABLE … ADD COLUMN has no IF NOT EXISTS, so each column is looked for first.
 */
export const paper: Migration = {
  version: 4,
  name: 'paper',
  up(db) {
    addColumn(db, 'signoff_signatures', 'source', `TEXT NOT NULL DEFAULT 'electronic' CHECK (source IN ('electronic', 'paper'))`);
    addColumn(db, 'rounds', 'note', `TEXT NOT NULL DEFAULT ''`);
  },
};
