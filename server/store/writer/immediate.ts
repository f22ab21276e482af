import type Database from 'better-sqlite3';

/**
 * Makes every `db.transaction(fn)()` on this connection BEGIN IMMEDIATE (the variants stay
 * callable as `.deferred` etc.). With a second writer on the file (the commit worker), a deferred
 * transaction that reads first and writes later fails with SQLITE_BUSY_SNAPSHOT whenever the
 * worker commits in between, and busy_timeout cannot help it; one that takes the write lock at
 * BEGIN waits (busy_timeout) for the worker's commit and then reads the newest state. Applied to
 * the store's own connection after migrating, so every sub-store gets it without knowing.
 */
export function beginImmediate(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<typeof transaction>[0]) => transaction(fn).immediate) as typeof db.transaction;
}
