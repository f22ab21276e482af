import type Database from 'better-sqlite3';
import type { SignatoryInput } from '../../shared/rounds/types.js';
import type { NotificationDraft } from './notificationTypes.js';
import type { SqliteNotificationStore } from './notifications.js';
import type { AgreementRecord, LastActivity, NewAgreement, RoundRecord, RoundStore, UpdateAuthor } from './types.js';

/** The district already has an agreement for the year: the unique index refused the insert. */
export class AgreementExists extends Error {
  constructor(
    readonly districtId: string,
    readonly year: number,
  ) {
    super(`agreement for ${districtId} and ${year} exists`);
  }
}

/** The round of the year exists already (POST /api/rounds twice). */
export class RoundExists extends Error {
  constructor(readonly year: number) {
    super(`round ${year} exists`);
  }
}

interface RoundRow {
  year: number;
  template_version: string;
  deadline: string;
  ministry_signatory: string;
  carry_over: string;
  created_at: number;
  created_by: string;
  note: string | null;
}

const toRound = (row: RoundRow): RoundRecord => ({
  year: row.year,
  templateVersion: row.template_version,
  deadline: row.deadline,
  carryOver: row.carry_over === 'previous' ? 'previous' : 'none',
  ministrySignatory: JSON.parse(row.ministry_signatory) as SignatoryInput,
  createdAt: row.created_at,
  createdBy: row.created_by,
  ...(row.note ? { note: row.note } : {}),
});

/** The SQLite error of a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The record of rounds (issue 10), in the agreements' SQLite file so that a round and all its
 * agreements are written in one transaction (SqliteStore builds it on its own connection).
 * Table and index: migrations/002-rounds.ts.
 */
export class SqliteRoundStore implements RoundStore {
  private readonly latest: Database.Statement<[string], { author: string; created_at: number; display_name: string | null }>;

  constructor(
    private readonly db: Database.Database,
    /** SqliteStore's insert of an agreement with its first update and event, inside this transaction. */
    private readonly insertAgreement: (record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor) => void,
    private readonly notifications: Pick<SqliteNotificationStore, 'insertInTransaction'>,
    private readonly beforeInsert?: (index: number, record: AgreementRecord) => void,
  ) {
    // Newest first along the primary key (agreement_id, seq); seq 1 is the seed written at creation.
    this.latest = this.db.prepare(
      `SELECT u.author, u.created_at, users.display_name FROM doc_updates u LEFT JOIN users ON users.username = u.author
       WHERE u.agreement_id = ? AND u.seq > 1 AND u.author <> 'system' ORDER BY u.seq DESC LIMIT 1`,
    );
  }

  async listRounds() {
    return (this.db.prepare('SELECT * FROM rounds ORDER BY year DESC').all() as RoundRow[]).map(toRound);
  }

  async getRound(year: number) {
    const row = this.db.prepare('SELECT * FROM rounds WHERE year = ?').get(year) as RoundRow | undefined;
    return row && toRound(row);
  }

  async createRound(round: RoundRecord | null, agreements: NewAgreement[], author: UpdateAuthor, notifications: readonly NotificationDraft[] = []) {
    this.db.transaction(() => {
      // Agreements first: when two requests race for the same year, the second is told which
      // district's agreement exists, as the ministry needs to know, rather than only „the round".
      agreements.forEach(({ record, initialUpdate }, index) => {
        this.beforeInsert?.(index, record);
        this.insertAgreement(record, initialUpdate, author);
      });
      if (round) {
        try {
          this.db
            .prepare(
              `INSERT INTO rounds (year, template_version, deadline, ministry_signatory, carry_over, created_at, created_by, note)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(round.year, round.templateVersion, round.deadline, JSON.stringify(round.ministrySignatory), round.carryOver, round.createdAt, round.createdBy, round.note ?? '');
        } catch (error: unknown) {
          if (isUniqueViolation(error)) throw new RoundExists(round.year);
          throw error;
        }
      }
      // The district users hear of a new agreement exactly when it exists: a refused round leaves no notification behind.
      this.notifications.insertInTransaction(notifications);
    })();
  }

  async lastActivity(agreementIds: readonly string[]) {
    const result = new Map<string, LastActivity>();
    for (const id of agreementIds) {
      const row = this.latest.get(id);
      if (row) result.set(id, { at: row.created_at, username: row.author, displayName: row.display_name ?? row.author });
    }
    return result;
  }
}
