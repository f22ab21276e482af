import type { AgreementStatus } from '../../shared/api.js';
import type { AgreementFields } from '../../shared/fields.js';
import type { Role } from '../../shared/roles.js';

/**
 * The persistence interface. The embedded default is SQLite (./sqlite.ts); a deployment that
 * outgrows one machine implements the same interface on PostgreSQL. It is asynchronous for that
 * reason, even though better-sqlite3 answers synchronously.
 */

export interface UserRecord {
  username: string;
  displayName: string;
  role: Role;
  /** null for ministry users. */
  districtId: string | null;
  color: string;
  passwordHash: string;
  createdAt: number;
}

export interface SessionRecord {
  username: string;
  createdAt: number;
  expiresAt: number;
}

export interface AgreementRecord {
  id: string;
  districtId: string;
  year: number;
  templateVersion: string;
  status: AgreementStatus;
  fields: AgreementFields;
  createdAt: number;
  updatedAt: number;
}

/** Who wrote an update: a user's name, or "system" for the server's own writes. */
export interface UpdateAuthor {
  username: string;
  /** "client" for an edit that came over the websocket, "server" for a command's write. */
  via: 'client' | 'server';
}

export interface StoredDocument {
  /** The compacted state up to `snapshotSeq`, or null. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  lastSeq: number;
}

export interface PendingUpdate {
  agreementId: string;
  update: Uint8Array;
  author: UpdateAuthor;
  at: number;
}

export interface Store {
  // users
  getUser(username: string): Promise<UserRecord | undefined>;
  putUser(user: UserRecord): Promise<void>;
  countUsers(): Promise<number>;
  // sessions (only a hash of the token is stored)
  createSession(tokenHash: string, session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  // agreements
  listAgreements(): Promise<AgreementRecord[]>;
  getAgreement(id: string): Promise<AgreementRecord | undefined>;
  /** Creates the agreement and its document's first update in one transaction. */
  createAgreement(record: AgreementRecord, initialUpdate: Uint8Array, author: UpdateAuthor): Promise<void>;
  /** Writes new fields and the document update that mirrors them, in one transaction. */
  setFields(id: string, fields: AgreementFields, update: Uint8Array, author: UpdateAuthor, at: number): Promise<void>;
  // documents: the update log is the audit trail; snapshots keep loading proportional to size
  loadDocument(agreementId: string): Promise<StoredDocument>;
  /** Which user first wrote as each Yjs client id of the document (recorded with every client update). */
  loadClientOwners(agreementId: string): Promise<Map<number, string>>;
  /** Appends updates, all or none, in one committed transaction; returns their sequence numbers. */
  appendUpdates(updates: PendingUpdate[]): Promise<number[]>;
  /** Stores the document's compacted state as of the last committed update. */
  writeSnapshot(agreementId: string, state: Uint8Array): Promise<void>;
  // events (an append-only log of what happened to an agreement)
  appendEvent(agreementId: string, kind: string, actor: string, data: unknown, at: number): Promise<void>;
  close(): void;
}
