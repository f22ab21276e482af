import type Database from 'better-sqlite3';
import type { FieldChange, UserEvent, UserEventKind } from '../../shared/accounts/types.js';
import type { Role } from '../../shared/roles.js';
import type { NewUserEvent, StoredUser, UserChange, UserChangeOutcome, UserStore } from './types.js';

export interface UserRow {
  username: string;
  display_name: string;
  role: string;
  district_id: string | null;
  color: string;
  password_hash: string;
  created_at: number;
  email: string | null;
  admin: number;
  active: number;
  must_change_password: number;
  updated_at: number;
}

interface EventRow {
  id: number;
  target: string;
  actor: string;
  kind: string;
  data: string;
  created_at: number;
}

export const toStoredUser = (row: UserRow): StoredUser => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  districtId: row.district_id,
  color: row.color,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  email: row.email,
  admin: row.admin === 1,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
  updatedAt: row.updated_at,
});

const toEvent = (row: EventRow): UserEvent => ({
  id: row.id,
  at: row.created_at,
  actor: row.actor,
  target: row.target,
  kind: row.kind as UserEventKind,
  changes: (JSON.parse(row.data) as { changes?: FieldChange[] }).changes ?? [],
});

const COLUMNS: Readonly<Record<keyof NonNullable<UserChange['fields']>, string>> = {
  displayName: 'display_name',
  email: 'email',
  role: 'role',
  districtId: 'district_id',
  admin: 'admin',
  active: 'active',
};

/** The rollback of an update that would leave no active ministry admin. */
class LastAdmin extends Error {}

/** Accounts in the agreements' SQLite file (columns: migrations/001 and 003), on the store's connection. */
export class SqliteUserStore implements UserStore {
  constructor(private readonly db: Database.Database) {}

  async list(): Promise<StoredUser[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toStoredUser);
  }

  async create(user: StoredUser, event: NewUserEvent): Promise<boolean> {
    return this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          `INSERT INTO users (username, display_name, role, district_id, color, password_hash, created_at, email, admin, active, must_change_password, updated_at)
           VALUES (@username, @displayName, @role, @districtId, @color, @passwordHash, @createdAt, @email, @admin, @active, @mustChangePassword, @updatedAt)
           ON CONFLICT(username) DO NOTHING`,
        )
        .run({ ...user, admin: Number(user.admin), active: Number(user.active), mustChangePassword: Number(user.mustChangePassword) });
      if (inserted.changes === 0) return false;
      this.insertEvent(event, user.createdAt);
      return true;
    })();
  }

  async update(username: string, change: UserChange): Promise<UserChangeOutcome> {
    try {
      return this.db.transaction((): UserChangeOutcome => {
        const adminsBefore = this.activeAdmins();
        const sets: string[] = ['updated_at = @at'];
        const values: Record<string, unknown> = { username, at: change.at };
        for (const [field, value] of Object.entries(change.fields ?? {}) as [keyof typeof COLUMNS, unknown][]) {
          sets.push(`${COLUMNS[field]} = @${field}`);
          values[field] = typeof value === 'boolean' ? Number(value) : value;
        }
        if (change.password) {
          sets.push('password_hash = @hash', 'must_change_password = @mustChange');
          Object.assign(values, { hash: change.password.hash, mustChange: Number(change.password.mustChange) });
        }
        if (this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE username = @username`).run(values).changes === 0) {
          return { ok: false, reason: 'unknown-user' };
        }
        // An upgraded store may have no admin yet (README); the rule guards only what exists.
        if (adminsBefore > 0 && this.activeAdmins() === 0) throw new LastAdmin();
        if (change.endSessions) {
          this.db.prepare('DELETE FROM sessions WHERE username = ? AND token_hash IS NOT ?').run(username, change.endSessions.except);
        }
        for (const event of change.events) this.insertEvent(event, change.at);
        const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow;
        return { ok: true, user: toStoredUser(row) };
      })();
    } catch (error: unknown) {
      if (error instanceof LastAdmin) return { ok: false, reason: 'last-admin' };
      throw error;
    }
  }

  async events(options: { target?: string; limit: number }): Promise<UserEvent[]> {
    const rows = options.target === undefined
      ? this.db.prepare('SELECT * FROM user_events ORDER BY id DESC LIMIT ?').all(options.limit)
      : this.db.prepare('SELECT * FROM user_events WHERE target = ? ORDER BY id DESC LIMIT ?').all(options.target, options.limit);
    return (rows as EventRow[]).map(toEvent);
  }

  private activeAdmins(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users WHERE admin = 1 AND active = 1 AND district_id IS NULL').get() as { n: number }).n;
  }

  private insertEvent(event: NewUserEvent, at: number) {
    this.db
      .prepare('INSERT INTO user_events (target, actor, kind, data, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(event.target, event.actor, event.kind, JSON.stringify({ changes: event.changes ?? [] }), at);
  }
}
