import type Database from 'better-sqlite3';
import type { HistoryEvent, HistoryKind, ScanInfo, SignatureInfo, SigningParty } from '../../shared/api.js';
import { HISTORY_CATEGORY } from '../../shared/history/types.js';
import type { Role } from '../../shared/roles.js';
import type { SqliteNotificationStore } from './notifications.js';
import type { NewRelease, NewScan, NewSignature, SignoffStore, StateChange } from './types.js';
import type { UpdateLog } from './updateLog.js';
import type { SqliteVersionStore } from './versions.js';

const HISTORY_KINDS = Object.keys(HISTORY_CATEGORY) as HistoryKind[];

interface SignatureRow {
  party: string;
  username: string;
  name: string;
  role: string;
  place: string;
  date: string;
  hash: string;
  signed_at: number;
  source: string;
}
interface ScanRow {
  id: number;
  filename: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: number;
}

const toScan = (row: ScanRow): ScanInfo => ({
  id: row.id,
  filename: row.filename,
  size: row.size,
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
});

function stringRecord(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}

/**
 * Sign-off records (tables: migrations/001-initial.ts; append-only by trigger). Each command is
 * one transaction together with the agreement's new status and fields, the document update that
 * mirrors them and its event. On the connection of server/store/sqlite.ts: same file, same transactions.
 */
export class SqliteSignoffStore implements SignoffStore {
  constructor(
    private readonly db: Database.Database,
    private readonly updateLog: UpdateLog,
    private readonly notifications: Pick<SqliteNotificationStore, 'insertInTransaction'>,
    private readonly versions: Pick<SqliteVersionStore, 'insertInTransaction'>,
  ) {}

  async release(change: StateChange, release: NewRelease) {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO signoff_releases (agreement_id, hash, text, released_by, released_at) VALUES (?, ?, ?, ?, ?)')
        .run(change.agreementId, release.hash, release.text, change.actor, change.at);
      this.applyChange(change);
      return Number(lastInsertRowid);
    })();
  }

  async sign(change: StateChange, s: NewSignature) {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO signoff_signatures (release_id, agreement_id, party, username, name, role, place, date, hash, signed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.releaseId, change.agreementId, s.party, s.username, s.name, s.role, s.place, s.date, s.hash, change.at);
      this.applyChange(change);
    })();
  }

  async reopen(change: StateChange) {
    this.db.transaction(() => this.applyChange(change))();
  }

  async addScan(scan: NewScan): Promise<ScanInfo> {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO signoff_scans (agreement_id, filename, size, sha256, data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(scan.agreementId, scan.filename, scan.data.byteLength, scan.sha256, scan.data, scan.uploadedBy, scan.at);
      this.insertEvent(scan.agreementId, 'scan-uploaded', scan.uploadedBy, { filename: scan.filename, sha256: scan.sha256 }, scan.at);
      return { id: Number(lastInsertRowid), filename: scan.filename, size: scan.data.byteLength, sha256: scan.sha256, uploadedBy: scan.uploadedBy, uploadedAt: scan.at };
    })();
  }

  async latestRelease(agreementId: string) {
    const row = this.db.prepare('SELECT * FROM signoff_releases WHERE agreement_id = ? ORDER BY id DESC LIMIT 1').get(agreementId) as
      | { id: number; hash: string; text: string; released_by: string; released_at: number }
      | undefined;
    return row && { id: row.id, hash: row.hash, text: row.text, releasedBy: row.released_by, releasedAt: row.released_at };
  }

  async signatures(releaseId: number): Promise<SignatureInfo[]> {
    const rows = this.db.prepare('SELECT * FROM signoff_signatures WHERE release_id = ? ORDER BY id').all(releaseId) as SignatureRow[];
    return rows.map((row) => ({
      party: row.party as SigningParty,
      username: row.username,
      name: row.name,
      role: row.role as Role,
      place: row.place,
      date: row.date,
      hash: row.hash,
      signedAt: row.signed_at,
      ...(row.source === 'paper' ? { paper: true } : {}),
    }));
  }

  async scans(agreementId: string) {
    const rows = this.db
      .prepare('SELECT id, filename, size, sha256, uploaded_by, uploaded_at FROM signoff_scans WHERE agreement_id = ? ORDER BY id')
      .all(agreementId) as ScanRow[];
    return rows.map(toScan);
  }

  async scan(agreementId: string, id: number) {
    const row = this.db.prepare('SELECT * FROM signoff_scans WHERE agreement_id = ? AND id = ?').get(agreementId, id) as (ScanRow & { data: Buffer }) | undefined;
    return row && { ...toScan(row), data: new Uint8Array(row.data) };
  }

  async history(agreementId: string): Promise<HistoryEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.kind, e.actor, e.data, e.created_at, u.display_name FROM events e LEFT JOIN users u ON u.username = e.actor
         WHERE e.agreement_id = ? AND e.kind IN (${HISTORY_KINDS.map(() => '?').join(', ')}) ORDER BY e.id`,
      )
      .all(agreementId, ...HISTORY_KINDS) as { id: number; kind: string; actor: string; data: string; created_at: number; display_name: string | null }[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as HistoryKind,
      actor: row.actor,
      actorName: row.display_name ?? (row.actor === 'system' ? 'System' : row.actor),
      at: row.created_at,
      details: stringRecord(row.data),
      category: HISTORY_CATEGORY[row.kind as HistoryKind],
    }));
  }

  private applyChange(change: StateChange) {
    const changed = this.db
      .prepare('UPDATE agreements SET status = ?, fields = ?, updated_at = ? WHERE id = ?')
      .run(change.status, JSON.stringify(change.fields), change.at, change.agreementId);
    if (changed.changes !== 1) throw new Error(`agreement ${change.agreementId} not found`);
    this.updateLog.append({ agreementId: change.agreementId, update: change.update, author: { username: change.actor, via: 'server' }, at: change.at });
    for (const event of change.events) this.insertEvent(change.agreementId, event.kind, change.actor, event.data, change.at);
    if (change.version) this.versions.insertInTransaction(change.agreementId, { ...change.version, status: change.status, createdBy: change.actor, at: change.at });
    this.notifications.insertInTransaction(change.notifications ?? []);
  }

  private insertEvent(agreementId: string, kind: string, actor: string, data: Record<string, string>, at: number) {
    this.db.prepare('INSERT INTO events (agreement_id, kind, actor, data, created_at) VALUES (?, ?, ?, ?, ?)').run(agreementId, kind, actor, JSON.stringify(data), at);
  }
}
