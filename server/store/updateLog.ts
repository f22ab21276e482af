import * as Y from 'yjs';
import type Database from 'better-sqlite3';
import type { PendingUpdate } from './updateTypes.js';

/**
 * The document update log of the SQLite file, shared by the stores of every concern (documents,
 * comments, sign-off) so that each commits its rows and the update that mirrors them together.
 */
export class UpdateLog {
  private readonly nextSeq: Database.Statement<[string], { seq: number }>;
  private readonly insertUpdate: Database.Statement<[string, number, Uint8Array, string, string, number]>;
  private readonly insertClient: Database.Statement<[string, number, string]>;
  private readonly upsertSnapshot: Database.Statement<[string, number, Uint8Array, number]>;

  constructor(db: Database.Database) {
    this.nextSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM doc_updates WHERE agreement_id = ?');
    this.insertClient = db.prepare('INSERT OR IGNORE INTO doc_clients (agreement_id, client_id, username) VALUES (?, ?, ?)');
    this.insertUpdate = db.prepare('INSERT INTO doc_updates (agreement_id, seq, data, author, via, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (agreement_id, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(agreement_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state, created_at = excluded.created_at
       WHERE excluded.upto_seq > doc_snapshots.upto_seq`,
    );
  }

  /**
   * Stores a document's snapshot as of its last logged update, inside the caller's transaction;
   * the caller passes the state that contains every committed update (the room serialises commits).
   */
  writeSnapshot(agreementId: string, state: Uint8Array, at: number): void {
    this.upsertSnapshot.run(agreementId, this.lastSeq(agreementId), state, at);
  }

  /** The sequence number of the last update of a document (0 if none). */
  lastSeq(agreementId: string): number {
    return (this.nextSeq.get(agreementId)?.seq ?? 1) - 1;
  }

  /** Appends one update inside the caller's transaction (`db.transaction`); returns its sequence number. */
  append(u: PendingUpdate): number {
    const seq = this.lastSeq(u.agreementId) + 1;
    this.insertUpdate.run(u.agreementId, seq, u.update, u.author.username, u.author.via, u.at);
    // A client's Yjs client ids stay its own across restarts (see Room.clientOwners).
    if (u.author.via === 'client') {
      for (const client of Y.parseUpdateMeta(u.update).from.keys()) this.insertClient.run(u.agreementId, client, u.author.username);
    }
    return seq;
  }
}
