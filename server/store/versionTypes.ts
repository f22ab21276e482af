import type { AgreementStatus, HistoryKind } from '../../shared/api.js';
import type { VersionKind, VersionSummary } from '../../shared/history/types.js';
import type { PendingUpdate } from './updateTypes.js';

/** A version to keep: the whole document state as of the update log's last row. */
export interface NewVersion {
  kind: VersionKind;
  name: string;
  status: AgreementStatus;
  /** The encoded Yjs state (Y.encodeStateAsUpdate or a merge of updates). */
  state: Uint8Array;
  createdBy: string;
  at: number;
  /** The last update of the log the state contains; the log's last row when left out. */
  uptoSeq?: number;
}

export interface StoredVersion extends VersionSummary {
  /** The last update of the log the state contains. */
  uptoSeq: number;
}

/** One row of the update log, as history reads it. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
  author: string;
  at: number;
}

/** An event to record in the same transaction (the agreement's history, server/store/signoff.ts). */
export interface VersionEvent {
  kind: HistoryKind;
  actor: string;
  data: Record<string, string>;
  at: number;
}

/**
 * Versions of agreements and what history reads of the update log (migrations/007-versions.ts).
 * A version is written in the same transaction as the change it records.
 */
export interface VersionStore {
  /** Newest first, without states. */
  list(agreementId: string): Promise<StoredVersion[]>;
  get(agreementId: string, id: number): Promise<(StoredVersion & { state: Uint8Array }) | undefined>;
  /** Keeps a version of the document as committed so far, with its event. */
  save(agreementId: string, version: NewVersion, event: VersionEvent): Promise<StoredVersion>;
  /**
   * A restore: keeps `before` (the state just before), appends the update that brings §5 back and
   * records the event, all in one transaction.
   */
  restore(before: NewVersion, update: PendingUpdate, event: VersionEvent): Promise<StoredVersion>;
  /** The update log of a document after `afterSeq`, oldest first. */
  updatesAfter(agreementId: string, afterSeq: number): Promise<LoggedUpdate[]>;
  lastSeq(agreementId: string): Promise<number>;
  /** The last history event id the user has marked seen in the agreement (0 if none). */
  seenUpTo(username: string, agreementId: string): Promise<number>;
  markSeen(username: string, agreementId: string, eventId: number): Promise<void>;
}
