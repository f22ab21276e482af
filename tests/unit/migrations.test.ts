import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../server/log.js';
import { migrate, type Migration } from '../../server/store/migrations.js';
import { initial } from '../../server/store/migrations/001-initial.js';

/** The migration runner on an in-memory database, with steps that record what they saw. */
const open: Database.Database[] = [];
function database(): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);

/** A step that creates table `t<version>` and notes the version the store had when it ran. */
function step(n: number, seen: string[] = []): Migration {
  return {
    version: n,
    name: `step ${n}`,
    up(db) {
      seen.push(`${n} in transaction=${String(db.inTransaction)} from version ${version(db)}`);
      db.exec(`CREATE TABLE t${n} (id INTEGER PRIMARY KEY)`);
    },
  };
}

describe('migrate', () => {
  it('runs the steps above the store’s version in order, each in a transaction that sets the version', () => {
    const db = database();
    const seen: string[] = [];
    migrate(db, [step(1, seen), step(2, seen)]);
    expect(version(db)).toBe(2);
    migrate(db, [step(1, seen), step(2, seen), step(3, seen), step(4, seen)]);
    expect(seen).toEqual([
      '1 in transaction=true from version 0',
      '2 in transaction=true from version 1',
      '3 in transaction=true from version 2',
      '4 in transaction=true from version 3',
    ]);
    expect(version(db)).toBe(4);
    expect(tables(db)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('leaves the store at the last complete step when a step fails, with nothing of the failed one', () => {
    const db = database();
    const seen: string[] = [];
    const failing: Migration = {
      version: 2,
      name: 'half done',
      up(target) {
        target.exec('CREATE TABLE half (id INTEGER PRIMARY KEY); INSERT INTO half VALUES (1)');
        target.exec('ALTER TABLE t1 ADD COLUMN note TEXT');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [step(1), failing, step(3, seen)])).toThrow('disk full');
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['t1']);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('t1')).toEqual([{ name: 'id' }]);
    expect(seen).toEqual([]);
    // The next start retries from there.
    migrate(db, [step(1), step(2), step(3, seen)]);
    expect(version(db)).toBe(3);
  });

  it('refuses a store whose version is newer than the code knows, and changes nothing', () => {
    const db = database();
    db.pragma('user_version = 7');
    const seen: string[] = [];
    expect(() => migrate(db, [step(1, seen), step(2, seen)])).toThrow(
      'the store has schema version 7, newer than this code knows (2); it was written by a newer vereinbar',
    );
    expect(seen).toEqual([]);
    expect(version(db)).toBe(7);
  });

  it('does nothing when run a second time', () => {
    const db = database();
    const log = memoryLogger();
    migrate(db, [step(1), step(2)], log);
    expect(log.lines.map((line) => line.details)).toEqual([
      { version: 1, name: 'step 1' },
      { version: 2, name: 'step 2' },
    ]);
    const seen: string[] = [];
    const again = memoryLogger();
    migrate(db, [step(1, seen), step(2, seen)], again);
    expect(seen).toEqual([]);
    expect(again.lines).toEqual([]);
    expect(version(db)).toBe(2);
  });

  it('refuses a list whose versions are not ascending (two steps appended with one number)', () => {
    const db = database();
    expect(() => migrate(db, [step(1), step(2), step(2)])).toThrow('migration 2 (step 2) is out of order');
    expect(() => migrate(db, [step(2), step(1)])).toThrow('migration 1 (step 1) is out of order');
    expect(version(db)).toBe(0);
  });

  it('step 1 creates the whole schema on a new store, and passes over it on a store that already has it', () => {
    const db = database();
    migrate(db, [initial]);
    const created = tables(db);
    expect(created).toEqual(expect.arrayContaining(['users', 'sessions', 'agreements', 'doc_updates', 'doc_clients', 'doc_snapshots', 'events']));
    expect(created).toEqual(expect.arrayContaining(['comment_threads', 'comments', 'signoff_releases', 'signoff_signatures', 'signoff_scans']));
    // A store from before migrations: every table there, version 0.
    db.pragma('user_version = 0');
    migrate(db, [initial]);
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(created);
  });
});
