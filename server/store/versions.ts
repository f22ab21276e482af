import type Database from 'better-sqlite3';
import type { AgreementStatus } from '../../shared/api.js';
import type { VersionKind } from '../../shared/history/types.js';
import type { PendingUpdate } from './types.js';
import type { UpdateLog } from './updateLog.js';
import type { LoggedUpdate, NewVersion, StoredVersion, VersionEvent, VersionStore } from './versionTypes.js';

export type { LoggedUpdate, NewVersion, StoredVersion, VersionEvent, VersionStore };

interface VersionRow {
  id: number;
  kind: string;
  name: string;
  status: string;
  upto_seq: number;
  created_by: string;
  created_at: number;
  display_name: string | null;
}

const SELECT = `SELECT v.id, v.kind, v.name, v.status, v.upto_seq, v.created_by, v.created_at, u.display_name
  FROM doc_versions v LEFT JOIN users u ON u.username = v.created_by`;

const toVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  kind: row.kind as VersionKind,
  name: row.name,
  status: row.status as AgreementStatus,
  createdAt: row.created_at,
  createdBy: row.created_by,
  createdByName: row.display_name ?? (row.created_by === 'system' ? 'System' : row.created_by),
  uptoSeq: row.upto_seq,
});

/** On the connection of server/store/sqlite.ts: same file, same transactions. */
export class SqliteVersionStore implements VersionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly updateLog: UpdateLog,
  ) {}

  async list(agreementId: string) {
    return (this.db.prepare(`${SELECT} WHERE v.agreement_id = ? ORDER BY v.id DESC`).all(agreementId) as VersionRow[]).map(toVersion);
  }

  async get(agreementId: string, id: number) {
    const row = this.db.prepare(`${SELECT} WHERE v.agreement_id = ? AND v.id = ?`).get(agreementId, id) as VersionRow | undefined;
    if (!row) return undefined;
    const { state } = this.db.prepare('SELECT state FROM doc_versions WHERE id = ?').get(id) as { state: Buffer };
    return { ...toVersion(row), state: new Uint8Array(state) };
  }

  async save(agreementId: string, version: NewVersion, event: VersionEvent) {
    return this.db.transaction(() => {
      const id = this.insertInTransaction(agreementId, version);
      this.insertEvent(agreementId, { ...event, data: { ...event.data, versionId: String(id) } });
      return this.summary(id);
    })();
  }

  async restore(before: NewVersion, update: PendingUpdate, event: VersionEvent) {
    return this.db.transaction(() => {
      const id = this.insertInTransaction(update.agreementId, before);
      this.updateLog.append(update);
      this.insertEvent(update.agreementId, { ...event, data: { ...event.data, beforeVersionId: String(id) } });
      return this.summary(id);
    })();
  }

  /** Inside the caller's transaction: a version of the document as of the log's last row. */
  insertInTransaction(agreementId: string, version: NewVersion): number {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO doc_versions (agreement_id, kind, name, status, state, upto_seq, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(agreementId, version.kind, version.name, version.status, version.state, version.uptoSeq ?? this.updateLog.lastSeq(agreementId), version.createdBy, version.at);
    return Number(lastInsertRowid);
  }

  async updatesAfter(agreementId: string, afterSeq: number): Promise<LoggedUpdate[]> {
    const rows = this.db
      .prepare('SELECT seq, data, author, created_at FROM doc_updates WHERE agreement_id = ? AND seq > ? ORDER BY seq')
      .all(agreementId, afterSeq) as { seq: number; data: Buffer; author: string; created_at: number }[];
    return rows.map((row) => ({ seq: row.seq, data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength), author: row.author, at: row.created_at }));
  }

  async lastSeq(agreementId: string) {
    return this.updateLog.lastSeq(agreementId);
  }

  async seenUpTo(username: string, agreementId: string) {
    const row = this.db.prepare('SELECT event_id FROM history_seen WHERE username = ? AND agreement_id = ?').get(username, agreementId) as { event_id: number } | undefined;
    return row?.event_id ?? 0;
  }

  async markSeen(username: string, agreementId: string, eventId: number) {
    this.db
      .prepare(
        `INSERT INTO history_seen (username, agreement_id, event_id) VALUES (?, ?, ?)
         ON CONFLICT(username, agreement_id) DO UPDATE SET event_id = MAX(event_id, excluded.event_id)`,
      )
      .run(username, agreementId, eventId);
  }

  private summary(id: number): StoredVersion {
    return toVersion(this.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VersionRow);
  }

  private insertEvent(agreementId: string, event: VersionEvent) {
    this.db.prepare('INSERT INTO events (agreement_id, kind, actor, data, created_at) VALUES (?, ?, ?, ?, ?)').run(agreementId, event.kind, event.actor, JSON.stringify(event.data), event.at);
  }
}
