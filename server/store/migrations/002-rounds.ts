import type { Migration } from './migration.js';

/**
 * Step 2: the yearly round (issue 10). A round is a year with its template version, deadline and
 * the ministry's signatory; its agreements are the rows of `agreements` with that year.
 *
 * The unique index on (district_id, year) is the rule „one agreement per district and year".
 * Step 1 already declares the pair UNIQUE in the table; the named index states the rule where a
 * reader of the migrations looks for it and keeps it when a later step rebuilds the table. It is
 * the store, not a check before the insert, that decides between two concurrent requests.
 */
export const rounds: Migration = {
  version: 2,
  name: 'rounds',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rounds (
        year INTEGER PRIMARY KEY,
        template_version TEXT NOT NULL,
        deadline TEXT NOT NULL,
        ministry_signatory TEXT NOT NULL,
        carry_over TEXT NOT NULL CHECK (carry_over IN ('previous', 'none')),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS agreements_district_year ON agreements (district_id, year);
      CREATE INDEX IF NOT EXISTS agreements_by_year ON agreements (year);
    `);
  },
};
