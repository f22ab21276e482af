import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { TemplateNodeJSON, TemplateVersionState } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';
import { isUniqueViolation } from './rounds.js';
import {
  TemplateVersionExists,
  type NewTemplateDraft,
  type PendingTemplateUpdate,
  type StoredTemplateDocument,
  type TemplatePublication,
  type TemplateStore,
  type TemplateVersionRecord,
} from './templateTypes.js';

interface VersionRow {
  version: string;
  label: string;
  state: TemplateVersionState;
  based_on: string | null;
  ministry: string;
  content: string | null;
  sha256: string | null;
  created_by: string;
  created_at: number;
  published_by: string | null;
  published_at: number | null;
}

const toRecord = (row: VersionRow): TemplateVersionRecord => ({
  version: row.version,
  label: row.label,
  state: row.state,
  basedOn: row.based_on,
  ministry: JSON.parse(row.ministry) as Ministry,
  content: row.content === null ? null : (JSON.parse(row.content) as TemplateNodeJSON),
  sha256: row.sha256,
  createdBy: row.created_by,
  createdAt: row.created_at,
  publishedBy: row.published_by,
  publishedAt: row.published_at,
});

/** Template versions and their draft documents in the SQLite file (migrations/006-templates.ts). */
export class SqliteTemplateStore implements TemplateStore {
  constructor(private readonly db: Database.Database) {}

  async list() {
    return (this.db.prepare('SELECT * FROM template_versions ORDER BY created_at, version').all() as VersionRow[]).map(toRecord);
  }

  async get(version: string) {
    const row = this.db.prepare('SELECT * FROM template_versions WHERE version = ?').get(version) as VersionRow | undefined;
    return row && toRecord(row);
  }

  async usage() {
    const rows = this.db.prepare('SELECT template_version AS version, COUNT(*) AS n FROM agreements GROUP BY template_version').all() as { version: string; n: number }[];
    return new Map(rows.map((row) => [row.version, row.n]));
  }

  async usedByDistrict(version: string, districtId: string) {
    return this.db.prepare('SELECT 1 FROM agreements WHERE template_version = ? AND district_id = ? LIMIT 1').get(version, districtId) !== undefined;
  }

  async createDraft(draft: NewTemplateDraft, initialUpdate: Uint8Array) {
    this.db.transaction(() => {
      this.insertVersion(draft, null);
      this.append({ version: draft.version, update: initialUpdate, author: { username: draft.createdBy, via: 'server' }, at: draft.createdAt });
    })();
  }

  async insertPublished(draft: NewTemplateDraft, publication: TemplatePublication) {
    this.insertVersion(draft, publication);
  }

  async updateDraft(version: string, change: { label?: string; ministry?: Ministry }) {
    const { changes } = this.db
      .prepare(`UPDATE template_versions SET label = COALESCE(?, label), ministry = COALESCE(?, ministry) WHERE version = ? AND state = 'draft'`)
      .run(change.label ?? null, change.ministry ? JSON.stringify(change.ministry) : null, version);
    return changes === 1;
  }

  async publish(version: string, publication: TemplatePublication, update: PendingTemplateUpdate) {
    this.db.transaction(() => {
      // The update first: the trigger refuses updates of a published version.
      this.append(update);
      const { changes } = this.db
        .prepare(`UPDATE template_versions SET state = 'published', ministry = ?, content = ?, sha256 = ?, published_by = ?, published_at = ? WHERE version = ? AND state = 'draft'`)
        .run(JSON.stringify(publication.ministry), JSON.stringify(publication.content), publication.sha256, publication.publishedBy, publication.publishedAt, version);
      if (changes !== 1) throw new Error(`template version ${version} is no draft`);
    })();
  }

  async deleteDraft(version: string) {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT 1 FROM template_versions WHERE version = ? AND state = 'draft'`).get(version);
      const used = this.db.prepare('SELECT 1 FROM agreements WHERE template_version = ? LIMIT 1').get(version);
      const basis = this.db.prepare('SELECT 1 FROM template_versions WHERE based_on = ? LIMIT 1').get(version);
      if (!row || used || basis) return false;
      for (const table of ['template_doc_updates', 'template_doc_snapshots', 'template_doc_clients', 'template_versions']) {
        this.db.prepare(`DELETE FROM ${table} WHERE version = ?`).run(version);
      }
      return true;
    })();
  }

  async loadDocument(version: string): Promise<StoredTemplateDocument> {
    const snap = this.db.prepare('SELECT upto_seq, state FROM template_doc_snapshots WHERE version = ?').get(version) as { upto_seq: number; state: Buffer } | undefined;
    const snapshotSeq = snap?.upto_seq ?? 0;
    const rows = this.db.prepare('SELECT seq, data FROM template_doc_updates WHERE version = ? AND seq > ? ORDER BY seq').all(version, snapshotSeq) as { seq: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      snapshotSeq,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshotSeq,
    };
  }

  async loadClientOwners(version: string) {
    const rows = this.db.prepare('SELECT client_id, username FROM template_doc_clients WHERE version = ?').all(version) as { client_id: number; username: string }[];
    return new Map(rows.map((row) => [row.client_id, row.username]));
  }

  async appendUpdates(updates: PendingTemplateUpdate[]) {
    this.db.transaction(() => updates.forEach((u) => this.append(u)))();
  }

  async writeSnapshot(version: string, state: Uint8Array) {
    this.db
      .prepare(
        `INSERT INTO template_doc_snapshots (version, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(version) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state, created_at = excluded.created_at
         WHERE excluded.upto_seq > template_doc_snapshots.upto_seq`,
      )
      .run(version, this.lastSeq(version), state, Date.now());
  }

  private lastSeq(version: string): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM template_doc_updates WHERE version = ?').get(version) as { seq: number }).seq;
  }

  private append(u: PendingTemplateUpdate): void {
    this.db.prepare('INSERT INTO template_doc_updates (version, seq, data, author, via, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(u.version, this.lastSeq(u.version) + 1, u.update, u.author.username, u.author.via, u.at);
    // A client's Yjs client ids stay its own across restarts (as in the agreements' update log).
    if (u.author.via === 'client') {
      const insert = this.db.prepare('INSERT OR IGNORE INTO template_doc_clients (version, client_id, username) VALUES (?, ?, ?)');
      for (const client of Y.parseUpdateMeta(u.update).from.keys()) insert.run(u.version, client, u.author.username);
    }
  }

  private insertVersion(draft: NewTemplateDraft, publication: TemplatePublication | null): void {
    try {
      this.db
        .prepare(
          `INSERT INTO template_versions (version, label, state, based_on, ministry, content, sha256, created_by, created_at, published_by, published_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          draft.version,
          draft.label,
          publication ? 'published' : 'draft',
          draft.basedOn,
          JSON.stringify(draft.ministry),
          publication ? JSON.stringify(publication.content) : null,
          publication?.sha256 ?? null,
          draft.createdBy,
          draft.createdAt,
          publication?.publishedBy ?? null,
          publication?.publishedAt ?? null,
        );
    } catch (error: unknown) {
      if (isUniqueViolation(error)) throw new TemplateVersionExists(draft.version);
      throw error;
    }
  }
}
