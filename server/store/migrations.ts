import type { Database } from 'better-sqlite3';
import type { Logger } from '../log.js';
import { initial } from './migrations/001-initial.js';
import { rounds } from './migrations/002-rounds.js';
import type { Migration } from './migrations/migration.js';
import { accounts } from './migrations/003-accounts.js';
import { paper } from './migrations/004-paper.js';
import { notifications } from './migrations/005-notifications.js';
import { versions } from './migrations/007-versions.js';

/**
 * Versioned schema migrations. The store's schema version is SQLite's `PRAGMA user_version`
 * (0 in a new file, and in every store written before migrations existed). At start the runner
 * applies, in order, every step with a greater version.
 *
 * The rule: every schema change is a new step file `migrations/NNN-what.ts`, appended to
 * MIGRATIONS with the next version. A released step is never edited, because stores out there
 * have already run it and will never run it again.
 */
export type { Migration };

export const MIGRATIONS: readonly Migration[] = [initial, rounds, accounts, paper, notifications, versions];

/**
 * Brings the store up to the newest step it knows. Each step runs in its own transaction that
 * also sets `user_version`, so a crash or a failing step leaves the store at the last complete
 * step, with nothing of the failed one. A store written by newer code is refused: this code
 * would not know what its tables mean.
 *
 * The caller enables foreign keys only after migrating (they cannot be switched inside a
 * transaction): a step may then rebuild a table the SQLite way (create the new one, copy, drop
 * the old one, rename) without a cascading delete; such a step checks `PRAGMA foreign_key_check`.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, log?: Pick<Logger, 'info'>): void {
  checkOrder(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const found = userVersion(db);
  if (found > latest) {
    throw new Error(
      `the store has schema version ${found}, newer than this code knows (${latest}); it was written by a newer vereinbar: run that version or newer, or restore a backup made by this one`,
    );
  }
  for (const step of migrations) {
    if (step.version <= found) continue;
    // IMMEDIATE takes the write lock before reading the version, so a second process opening the
    // same store at the same time waits (busy_timeout) and then skips what the first one ran.
    const ran = db
      .transaction(() => {
        if (userVersion(db) >= step.version) return false;
        step.up(db);
        db.pragma(`user_version = ${step.version}`);
        return true;
      })
      .immediate();
    if (ran) log?.info('store-migrated', { version: step.version, name: step.name });
  }
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Versions are positive integers, strictly ascending: two steps appended in parallel branches must not share one. */
function checkOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const step of migrations) {
    if (!Number.isInteger(step.version) || step.version <= previous) {
      throw new Error(`migration ${step.version} (${step.name}) is out of order: versions must be integers ascending from 1, after ${previous}`);
    }
    previous = step.version;
  }
}
