import type { AgreementStatus, HistoryEvent, HistoryKind, ReleaseInfo, ScanInfo, SignatureInfo, SigningParty } from '../../shared/api.js';
import type { FieldChange, UserEventKind, UserEvent } from '../../shared/accounts/types.js';
import type { CommentThread, Participant } from '../../shared/comments/types.js';
import type { AgreementFields } from '../../shared/fields.js';
import type { Role } from '../../shared/roles.js';
import type { CarryOver, SignatoryInput } from '../../shared/rounds/types.js';
import type { NotificationDraft, NotificationStore } from './notificationTypes.js';
import type { TemplateStore } from './templateTypes.js';
import type { NewVersion, VersionEvent, VersionStore } from './versionTypes.js';
import type { PendingUpdate, UpdateAuthor } from './updateTypes.js';

export type { PendingUpdate, UpdateAuthor };

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
  /** Account state (migration 003). Optional when written with putUser: new users get the defaults. */
  email?: string | null;
  /** A ministry user who manages accounts („Benutzer“). */
  admin?: boolean;
  /** false: cannot log in; their sessions ended when they were deactivated. */
  active?: boolean;
  /** Holds a one-time password: must choose their own before anything else. */
  mustChangePassword?: boolean;
  updatedAt?: number;
}

/** A user as read from the store: every account field present. */
export type StoredUser = Required<UserRecord>;

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

export interface StoredDocument {
  /** The compacted state up to `snapshotSeq`, or null. */
  snapshot: Uint8Array | null;
  /** The snapshot's state vector, when it was stored with it (lets a load skip decoding the snapshot). */
  snapshotStateVector?: Uint8Array | null;
  snapshotSeq: number;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  lastSeq: number;
}

export interface Store {
  // users
  getUser(username: string): Promise<StoredUser | undefined>;
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
  setFields(id: string, fields: AgreementFields, update: Uint8Array, author: UpdateAuthor, at: number, notifications?: readonly NotificationDraft[], event?: VersionEvent): Promise<void>;
  // documents: the update log is the audit trail; snapshots keep loading proportional to size
  loadDocument(agreementId: string): Promise<StoredDocument>;
  /** Which user first wrote as each Yjs client id of the document (recorded with every client update). */
  loadClientOwners(agreementId: string): Promise<Map<number, string>>;
  /** Appends updates, all or none, in one committed transaction; returns their sequence numbers. */
  appendUpdates(updates: PendingUpdate[]): Promise<number[]>;
  /** Stores the document's compacted state as of the last committed update (and its state vector, if given). */
  writeSnapshot(agreementId: string, state: Uint8Array, stateVector?: Uint8Array): Promise<void>;
  // events (an append-only log of what happened to an agreement)
  appendEvent(agreementId: string, kind: string, actor: string, data: unknown, at: number): Promise<void>;
  /** Comment threads, committed together with the document updates that mirror them. */
  readonly comments: CommentStore;
  /** Releases, signatures and scans, committed together with the agreement's new status. */
  readonly signoff: SignoffStore;
  /** Accounts and their audit trail (the Benutzer page), each change committed with its event. */
  readonly users: UserStore;
  readonly rounds: RoundStore;
  readonly paper: PaperStore;
  /** Notifications, mail settings and the mail outbox; commands hand their drafts to the stores above. */
  readonly notifications: NotificationStore;
  /** Template versions and their draft documents (issue 11, migrations/006-templates.ts). */
  readonly templates: TemplateStore;
  /** Versions of the document and what history reads of the update log (issue 12, server/store/versions.ts). */
  readonly versions: VersionStore;
  /** Resolves once every connection to the store is closed and its files are complete. */
  close(): Promise<void>;
}

/** What a comment command changes: the thread as it is to be, and whether it is removed. */
export interface ThreadChange {
  thread: CommentThread;
  /** True when no comment of the thread stands any more: it is removed. */
  deleted: boolean;
  createdBy: string;
  /** Written in the same transaction (migration 005). */
  notifications?: readonly NotificationDraft[];
}

/**
 * The record of comment threads. A command writes its rows and the Y.Doc update that mirrors
 * them in one transaction (`commit`), so the document never shows a comment that is not on
 * record, and the record never holds one the document lacks.
 */
export interface CommentStore {
  /** Stores a document update of the comments alone (a refreshed title), in its own transaction. */
  appendDocUpdate(update: PendingUpdate): Promise<void>;
  threads(agreementId: string): Promise<CommentThread[]>;
  thread(agreementId: string, threadId: string): Promise<CommentThread | undefined>;
  openThreadCount(agreementId: string): Promise<number>;
  /** The ministry's people and the district's: who can be mentioned in this agreement. */
  participants(districtId: string): Promise<Participant[]>;
  /** The entry titles the threads of an agreement remember, per entry id. */
  rememberedTitles(agreementId: string): Promise<Map<string, string>>;
  /** Keeps the last title of entries that still exist, so a deleted entry's threads can name it. */
  rememberTitles(agreementId: string, titles: ReadonlyMap<string, string>): Promise<void>;
  /** Writes a thread's new state and the document update that mirrors it, in one transaction. */
  commit(change: ThreadChange, update: PendingUpdate): Promise<void>;
}

/**
 * A sign-off command's change: recorded in one transaction with the agreement's new status and
 * fields, the document update that mirrors them and its events.
 */
export interface StateChange {
  agreementId: string;
  status: AgreementStatus;
  fields: AgreementFields;
  /** The Y.Doc update that writes status, fields and signatures into the live document. */
  update: Uint8Array;
  actor: string;
  at: number;
  events: { kind: HistoryKind; data: Record<string, string> }[];
  /** Written in the same transaction (migration 005). */
  notifications?: readonly NotificationDraft[];
  /** A version of the document after the change (release, reopen, final), kept in the same transaction (migration 007). */
  version?: Omit<NewVersion, 'status' | 'createdBy' | 'at'>;
}

export interface NewRelease {
  hash: string;
  text: string;
}

export interface NewSignature extends Omit<SignatureInfo, 'signedAt'> {
  releaseId: number;
}

export interface NewScan {
  agreementId: string;
  filename: string;
  data: Uint8Array;
  sha256: string;
  uploadedBy: string;
  at: number;
}

export interface StoredRelease extends ReleaseInfo {
  id: number;
  text: string;
}

/**
 * Sign-off records: releases (the frozen text and its hash), signatures and signed scans, all
 * append-only: voiding a signature is the event of reopening, never an edit of the record.
 */
export interface SignoffStore {
  release(change: StateChange, release: NewRelease): Promise<number>;
  sign(change: StateChange, signature: NewSignature): Promise<void>;
  reopen(change: StateChange): Promise<void>;
  addScan(scan: NewScan): Promise<ScanInfo>;
  /** The latest release of the agreement (the current one unless it was reopened since). */
  latestRelease(agreementId: string): Promise<StoredRelease | undefined>;
  signatures(releaseId: number): Promise<SignatureInfo[]>;
  scans(agreementId: string): Promise<ScanInfo[]>;
  scan(agreementId: string, id: number): Promise<(ScanInfo & { data: Uint8Array }) | undefined>;
  history(agreementId: string): Promise<HistoryEvent[]>;
}

/** An audit event to record with an account change (id and time come from the store and the change). */
export interface NewUserEvent {
  actor: string;
  target: string;
  kind: UserEventKind;
  changes?: FieldChange[];
}

/** What an account command writes; the store applies all of it and its events in one transaction. */
export interface UserChange {
  fields?: Partial<Pick<StoredUser, 'displayName' | 'email' | 'role' | 'districtId' | 'admin' | 'active'>>;
  password?: { hash: string; mustChange: boolean };
  /** Ends the user's sessions (all, or all but the one making the change) in the same transaction. */
  endSessions?: { except: string | null };
  events: NewUserEvent[];
  at: number;
}

export type UserChangeOutcome = { ok: true; user: StoredUser } | { ok: false; reason: 'unknown-user' | 'last-admin' };

/**
 * Accounts and their audit trail. Every change is committed with its events; the rule that at
 * least one active ministry admin remains is checked inside that transaction, so two admins
 * demoting each other at the same moment cannot both succeed.
 */
export interface UserStore {
  list(): Promise<StoredUser[]>;
  /** Inserts the user with its `created` event; false when the username is taken. */
  create(user: StoredUser, event: NewUserEvent): Promise<boolean>;
  update(username: string, change: UserChange): Promise<UserChangeOutcome>;
  /** Newest first; of one user, or of everyone. */
  events(options: { target?: string; limit: number }): Promise<UserEvent[]>;
}

// rounds (issue 10): server/store/rounds.ts, migrations/002-rounds.ts
export interface RoundRecord {
  year: number;
  templateVersion: string;
  /** ISO date. */
  deadline: string;
  carryOver: CarryOver;
  ministrySignatory: SignatoryInput;
  createdAt: number;
  createdBy: string;
  /** A note the board shows with the round (the demo's „Beträge … sind Demowerte"); "" for none. */
  note?: string;
}

/** An agreement to create, with its document's first update (the seeded body and fields). */
export interface NewAgreement {
  record: AgreementRecord;
  initialUpdate: Uint8Array;
}


/** Who last changed an agreement after its creation (the update log). */
export interface LastActivity {
  at: number;
  username: string;
  displayName: string;
}

export interface RoundStore {
  listRounds(): Promise<RoundRecord[]>;
  getRound(year: number): Promise<RoundRecord | undefined>;
  /**
   * Creates the round (unless null: districts added to an existing one) and every agreement with
   * its first update and `created` event, in one transaction: all or none. Throws AgreementExists
   * or RoundExists; `beforeInsert` is a seam for tests that make the n-th insert fail. The
   * `round-started` notifications of the new agreements are written in the same transaction.
   */
  createRound(round: RoundRecord | null, agreements: NewAgreement[], author: UpdateAuthor, notifications?: readonly NotificationDraft[]): Promise<void>;
  /** The last change of each agreement after its creation, by a person (not the server's own housekeeping). */
  lastActivity(agreementIds: readonly string[]): Promise<Map<string, LastActivity>>;
}

// agreements signed on paper (issue 10): server/store/paper.ts, migrations/004-paper.ts
/** One signature as it stands on paper, recorded by `recordedBy`. */
export interface PaperSignature {
  party: SigningParty;
  name: string;
  role: Role;
  place: string;
  date: string;
}

/** Everything an agreement signed on paper is recorded with, written in one transaction. */
export interface PaperRecord {
  agreement: NewAgreement;
  /** The canonical text both paper signatures cover, and its SHA-256. */
  text: string;
  hash: string;
  signatures: PaperSignature[];
  scan: { filename: string; data: Uint8Array; sha256: string } | null;
  recordedBy: string;
  at: number;
}

export interface PaperStore {
  /** Throws AgreementExists when the district has an agreement for the year (the unique index). */
  record(paper: PaperRecord): Promise<void>;
}
