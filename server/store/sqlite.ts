import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementStatus } from '../../shared/api.js';
import type { AgreementFields } from '../../shared/fields.js';
import type { Logger } from '../log.js';
import { SqliteCommentStore } from './comments.js';
import { migrate } from './migrations.js';
import type { NotificationDraft } from './notificationTypes.js';
import { SqliteNotificationStore } from './notifications.js';
import { SqliteSignoffStore } from './signoff.js';
import { SqliteUserStore, toStoredUser, type UserRow } from './users.js';
import { AgreementExists, isUniqueViolation, SqliteRoundStore } from './rounds.js';
import { SqlitePaperStore } from './paper.js';
import { decodeSnapshot, encodeSnapshot } from './snapshotFormat.js';
import { SqliteTemplateStore } from './templates.js';
import type { AgreementRecord, PendingUpdate, SessionRecord, Store, StoredDocument, UpdateAuthor, UserRecord } from './types.js';
import { UpdateLog } from './updateLog.js';
import { SqliteVersionStore, type VersionEvent } from './versions.js';
import { CommitWriter } from './writer/commitWriter.js';
import { beginImmediate } from './writer/immediate.js';

export interface SqliteStoreOptions {
  /** Reports each migration step run at start (info), and a commit worker that failed (warn). */
  log?: Pick<Logger, 'info'> & Partial<Pick<Logger, 'warn'>>;
  /**
   * FULL (the default): a commit survives power loss too, not only a killed process. OFF only
   * for throwaway stores whose setup should not wait for the disk (the bench's seeding).
   */
  synchronous?: 'FULL' | 'OFF';
  /** Tests only: called before each agreement of a round is inserted, to make the n-th one fail. */
  beforeAgreementInsert?: (index: number, record: AgreementRecord) => void;
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

/**
 * The embedded store: one SQLite file in WAL mode; every write is a committed transaction.
 * Two connections write to it: this one (everything a command changes, and the update-log rows
 * that commands commit together with their own rows) and the commit worker's (the clients'
 * updates and the snapshots, off the event loop: writer/commitWorker.ts).
 */
export class SqliteStore implements Store {
  /** Comments and sign-off share this file and its transactions; nobody outside server/store/ sees the connection. */
  private readonly db: Database.Database;
  private readonly updateLog: UpdateLog;
  /** Commits the document updates of the sync layer and the snapshots in a worker thread. */
  private readonly writer: CommitWriter;
  readonly comments: SqliteCommentStore;
  readonly signoff: SqliteSignoffStore;
  readonly users: SqliteUserStore;
  readonly rounds: SqliteRoundStore;
  readonly paper: SqlitePaperStore;
  readonly notifications: SqliteNotificationStore;
  readonly templates: SqliteTemplateStore;
  readonly versions: SqliteVersionStore;

  constructor(dataDir: string, options: SqliteStoreOptions = {}) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'vereinbar.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    // Before any statement is prepared: they may name what a step creates. Foreign keys after
    // it: a step that rebuilds a table must not cascade (see migrations.ts).
    try {
      migrate(this.db, undefined, options.log);
    } catch (error: unknown) {
      this.db.close();
      throw error;
    }
    this.db.pragma('foreign_keys = ON');
    beginImmediate(this.db);
    this.updateLog = new UpdateLog(this.db);
    const updateLog = this.updateLog;
    this.writer = new CommitWriter(
      { file, synchronous: options.synchronous ?? 'FULL' },
      {
        append: (updates) => this.db.transaction(() => updates.map((u) => updateLog.append(u)))(),
        snapshot: (agreementId, state, at) => this.db.transaction(() => updateLog.writeSnapshot(agreementId, state, at))(),
      },
      (error) => options.log?.warn?.('commit-worker-failed', { error: String(error) }),
    );
    this.notifications = new SqliteNotificationStore(this.db);
    this.versions = new SqliteVersionStore(this.db, this.updateLog);
    this.comments = new SqliteCommentStore(this.db, this.updateLog, this.notifications);
    this.signoff = new SqliteSignoffStore(this.db, this.updateLog, this.notifications, this.versions);
    this.users = new SqliteUserStore(this.db);
    this.rounds = new SqliteRoundStore(this.db, (record, update, author) => this.insertAgreement(record, update, author), this.notifications, options.beforeAgreementInsert);
    this.paper = new SqlitePaperStore(this.db, (record, update, author) => this.insertAgreement(record, update, author));
    this.templates = new SqliteTemplateStore(this.db);
  }

  async getUser(username: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row && toStoredUser(row);
  }

  /** Creates or overwrites a user (seed, command line); account fields left out keep their value, or the default. */
  async putUser(user: UserRecord) {
    this.db
      .prepare(
        `INSERT INTO users (username, display_name, role, district_id, color, password_hash, created_at, email, admin, active, must_change_password, updated_at)
         VALUES (@username, @displayName, @role, @districtId, @color, @passwordHash, @createdAt, @email, COALESCE(@admin, 0), COALESCE(@active, 1), COALESCE(@mustChangePassword, 0), @updatedAt)
         ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
           district_id = excluded.district_id, color = excluded.color, password_hash = excluded.password_hash,
           email = COALESCE(@email, email), admin = COALESCE(@admin, admin), active = COALESCE(@active, active),
           must_change_password = COALESCE(@mustChangePassword, must_change_password), updated_at = excluded.updated_at`,
      )
      .run({
        ...user,
        email: user.email ?? null,
        admin: user.admin === undefined ? null : Number(user.admin),
        active: user.active === undefined ? null : Number(user.active),
        mustChangePassword: user.mustChangePassword === undefined ? null : Number(user.mustChangePassword),
        updatedAt: user.updatedAt ?? user.createdAt,
      });
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
   * transaction (the round store creates a whole round in one). Throws AgreementExists when the
   * district already has an agreement for the year.
   */
  private insertAgreement(record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor): void {
    try {
      this.db
        .prepare(
          `INSERT INTO agreements (id, district_id, year, template_version, status, fields, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(record.id, record.districtId, record.year, record.templateVersion, record.status, JSON.stringify(record.fields), record.createdAt, record.updatedAt);
    } catch (error: unknown) {
      // One agreement per district and year (and per id): the unique index decides, once, here.
      if (isUniqueViolation(error)) throw new AgreementExists(record.districtId, record.year);
      throw error;
    }
    this.updateLog.append({ agreementId: record.id, update: initialUpdate, author, at: record.createdAt });
    this.insertEvent(record.id, 'created', author.username, { templateVersion: record.templateVersion }, record.createdAt);
  }

  async setFields(id: string, fields: AgreementFields, update: Uint8Array, author: UpdateAuthor, at: number, notifications: readonly NotificationDraft[] = [], event?: VersionEvent) {
    this.db.transaction(() => {
      this.notifications.insertInTransaction(notifications);
      this.db.prepare('UPDATE agreements SET fields = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(fields), at, id);
      this.updateLog.append({ agreementId: id, update, author, at });
      if (event) this.insertEvent(id, event.kind, event.actor, event.data, event.at);
    })();
  }

  /**
   * Starts the commit worker now rather than with the first commit (the server calls it at start;
   * a loaded document calls it too), so that the first edit does not wait for a thread to start.
   */
  startWriter(): void {
    this.writer.warm();
  }

  async loadDocument(agreementId: string): Promise<StoredDocument> {
    // A loaded document is about to be edited: its commits go to the worker.
    this.writer.warm();
    const snap = this.db.prepare('SELECT upto_seq, state FROM doc_snapshots WHERE agreement_id = ?').get(agreementId) as
      | { upto_seq: number; state: Buffer }
      | undefined;
    const snapshotSeq = snap?.upto_seq ?? 0;
    const parts = snap ? decodeSnapshot(new Uint8Array(snap.state.buffer, snap.state.byteOffset, snap.state.byteLength)) : null;
    const rows = this.db
      .prepare('SELECT seq, data FROM doc_updates WHERE agreement_id = ? AND seq > ? ORDER BY seq')
      .all(agreementId, snapshotSeq) as { seq: number; data: Buffer }[];
    return {
      snapshot: parts?.update ?? null,
      snapshotStateVector: parts?.stateVector ?? null,
      snapshotSeq,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshotSeq,
    };
  }

  /** In the commit worker: the event loop goes on checking the next batch while this one is written. */
  appendUpdates(updates: PendingUpdate[]) {
    return this.writer.append(updates);
  }

  writeSnapshot(agreementId: string, state: Uint8Array, stateVector?: Uint8Array) {
    // Called with the state that contains every committed update; the room serialises commits.
    return this.writer.snapshot(agreementId, encodeSnapshot(state, stateVector), Date.now());
  }

  async appendEvent(agreementId: string, kind: string, actor: string, data: unknown, at: number) {
    this.insertEvent(agreementId, kind, actor, data, at);
  }

  /** Closes the main connection at once and resolves once the commit worker has closed its own. */
  close(): Promise<void> {
    const writerClosed = this.writer.close();
    this.db.close();
    return writerClosed;
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
