import type { Database } from 'better-sqlite3';

/** One step of the store's schema (server/store/migrations.ts runs them in order). */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
