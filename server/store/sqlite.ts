import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementStatus } from '../../shared/api.js';
import type { AgreementFields } from '../../shared/fields.js';
import type { Role } from '../../shared/roles.js';
import { rounds } from './migrations/002-rounds.js';
import { paper } from './migrations/004-paper.js';
import type { AgreementRecord, PendingUpdate, SessionRecord, Store, StoredDocument, UpdateAuthor, UserRecord } from './types.js';

const SCHEMA = `
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

interface UserRow {
  username: string;
  display_name: string;
  role: string;
  district_id: string | null;
  color: string;
  password_hash: string;
  created_at: number;
}
interface AgreementRow {
  id: string;
  district_id: string;
  year: number;
  template_version: string;
  status: string;
  fields: string;
  created_at: number;
  updated_at: number;
}

const toUser = (row: UserRow): UserRecord => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  districtId: row.district_id,
  color: row.color,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

const toAgreement = (row: AgreementRow): AgreementRecord => ({
  id: row.id,
  districtId: row.district_id,
  year: row.year,
  templateVersion: row.template_version,
  status: row.status as AgreementStatus,
  fields: JSON.parse(row.fields) as AgreementFields,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The embedded store: one SQLite file in WAL mode; every write is a committed transaction. */
export class SqliteStore implements Store {
  /** The connection, for stores of other concerns (comments, sign-off) that share this file and its transactions. */
  readonly db: Database.Database;
  private readonly nextSeq: Database.Statement<[string], { seq: number }>;
  private readonly insertUpdate: Database.Statement<[string, number, Uint8Array, string, string, number]>;
  private readonly insertClient: Database.Statement<[string, number, string]>;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'vereinbar.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit survives power loss too, not only a killed process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // MERGE: the migration runner (server/store/migrations.ts, PRAGMA user_version) applies this step;
    // until then it runs here on every start, which its IF NOT EXISTS statements allow.
    rounds.up(this.db);
    paper.up(this.db);
    this.nextSeq = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM doc_updates WHERE agreement_id = ?');
    this.insertClient = this.db.prepare('INSERT OR IGNORE INTO doc_clients (agreement_id, client_id, username) VALUES (?, ?, ?)');
    this.insertUpdate = this.db.prepare(
      'INSERT INTO doc_updates (agreement_id, seq, data, author, via, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  async getUser(username: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row && toUser(row);
  }

  async putUser(user: UserRecord) {
    this.db
      .prepare(
        `INSERT INTO users (username, display_name, role, district_id, color, password_hash, created_at)
         VALUES (@username, @displayName, @role, @districtId, @color, @passwordHash, @createdAt)
         ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
           district_id = excluded.district_id, color = excluded.color, password_hash = excluded.password_hash`,
      )
      .run(user);
  }

  async countUsers() {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async createSession(tokenHash: string, session: SessionRecord) {
    this.db
      .prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash, session.username, session.createdAt, session.expiresAt);
  }

  async getSession(tokenHash: string) {
    const row = this.db.prepare('SELECT username, created_at, expires_at FROM sessions WHERE token_hash = ?').get(tokenHash) as
      | { username: string; created_at: number; expires_at: number }
      | undefined;
    return row && { username: row.username, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  async deleteSession(tokenHash: string) {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async listAgreements() {
    return (this.db.prepare('SELECT * FROM agreements ORDER BY year DESC, district_id').all() as AgreementRow[]).map(toAgreement);
  }

  async getAgreement(id: string) {
    const row = this.db.prepare('SELECT * FROM agreements WHERE id = ?').get(id) as AgreementRow | undefined;
    return row && toAgreement(row);
  }

  async createAgreement(record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor) {
    this.db.transaction(() => this.insertAgreement(record, initialUpdate, author))();
  }

  /**
   * Inserts an agreement, its document's first update and its `created` event inside the caller's
   * transaction (the round store creates a whole round in one). Throws the SQLite error of the
   * unique constraint when the district already has an agreement for the year.
   */
  insertAgreement(record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor): void {
    this.db
      .prepare(
        `INSERT INTO agreements (id, district_id, year, template_version, status, fields, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(record.id, record.districtId, record.year, record.templateVersion, record.status, JSON.stringify(record.fields), record.createdAt, record.updatedAt);
    this.insertUpdate.run(record.id, 1, initialUpdate, author.username, author.via, record.createdAt);
    this.insertEvent(record.id, 'created', author.username, { templateVersion: record.templateVersion }, record.createdAt);
  }

  async setFields(id: string, fields: AgreementFields, update: Uint8Array, author: UpdateAuthor, at: number) {
    this.db.transaction(() => {
      this.db.prepare('UPDATE agreements SET fields = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(fields), at, id);
      this.appendOne({ agreementId: id, update, author, at });
    })();
  }

  async loadDocument(agreementId: string): Promise<StoredDocument> {
    const snap = this.db.prepare('SELECT upto_seq, state FROM doc_snapshots WHERE agreement_id = ?').get(agreementId) as
      | { upto_seq: number; state: Buffer }
      | undefined;
    const snapshotSeq = snap?.upto_seq ?? 0;
    const rows = this.db
      .prepare('SELECT seq, data FROM doc_updates WHERE agreement_id = ? AND seq > ? ORDER BY seq')
      .all(agreementId, snapshotSeq) as { seq: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      snapshotSeq,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshotSeq,
    };
  }

  async appendUpdates(updates: PendingUpdate[]) {
    return this.db.transaction(() => updates.map((u) => this.appendOne(u)))();
  }

  async writeSnapshot(agreementId: string, state: Uint8Array) {
    // Called with the state that contains every committed update; the room serialises commits.
    const uptoSeq = (this.nextSeq.get(agreementId)?.seq ?? 1) - 1;
    this.db
      .prepare(
        `INSERT INTO doc_snapshots (agreement_id, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(agreement_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state, created_at = excluded.created_at
         WHERE excluded.upto_seq > doc_snapshots.upto_seq`,
      )
      .run(agreementId, uptoSeq, state, Date.now());
  }

  async appendEvent(agreementId: string, kind: string, actor: string, data: unknown, at: number) {
    this.insertEvent(agreementId, kind, actor, data, at);
  }

  close() {
    this.db.close();
  }

  /**
   * Appends one update inside the caller's transaction (`db.transaction`), for stores of other
   * concerns that commit their rows and the document update that mirrors them together.
   */
  appendOne(u: PendingUpdate): number {
    const seq = this.nextSeq.get(u.agreementId)?.seq ?? 1;
    this.insertUpdate.run(u.agreementId, seq, u.update, u.author.username, u.author.via, u.at);
    // A client's Yjs client ids stay its own across restarts (see Room.clientOwners).
    if (u.author.via === 'client') {
      for (const client of Y.parseUpdateMeta(u.update).from.keys()) this.insertClient.run(u.agreementId, client, u.author.username);
    }
    return seq;
  }

  async loadClientOwners(agreementId: string) {
    const rows = this.db.prepare('SELECT client_id, username FROM doc_clients WHERE agreement_id = ?').all(agreementId) as { client_id: number; username: string }[];
    return new Map(rows.map((row) => [row.client_id, row.username]));
  }

  private insertEvent(agreementId: string, kind: string, actor: string, data: unknown, at: number) {
    this.db
      .prepare('INSERT INTO events (agreement_id, kind, actor, data, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(agreementId, kind, actor, JSON.stringify(data), at);
  }
}
