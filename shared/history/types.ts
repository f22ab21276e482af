import type { AgreementStatus, HistoryKind } from '../api.js';
import type { AgreementFields } from '../fields.js';
import type { MeasureType } from '../measureTypes.js';

/**
 * Version history (issue 12): the contract between the server (server/history/) and the history
 * panel. Versions are whole document states the server stores beside the live document; a diff
 * compares the §5 project lists of two of them (or one and now) by entry id, never by title, and
 * names who made each change from the update log. docs/api.md, „Verlauf und Fassungen“.
 */

/** Why a version was kept: automatically at release, reopen and final, on request, or before a restore. */
export type VersionKind = 'release' | 'reopen' | 'final' | 'named' | 'restore';

/** GET /api/agreements/:id/versions: one version, newest first. */
export interface VersionSummary {
  id: number;
  kind: VersionKind;
  /** A German label („Zur Zeichnung freigegeben“) or the name the user gave it. */
  name: string;
  createdAt: number;
  /** Username, "system" for the server's own. */
  createdBy: string;
  createdByName: string;
  /** The agreement's status at that moment. */
  status: AgreementStatus;
}

/** Either side of a comparison: a version, or the document as it is now. */
export type VersionRef = { kind: 'version'; version: VersionSummary } | { kind: 'now'; at: number };

/** A person a change is attributed to (from the update log). */
export interface Author {
  username: string;
  name: string;
}

/** One operation of the word-level diff of a title. */
export interface WordOp {
  op: 'same' | 'insert' | 'delete';
  text: string;
}

export type EntryChangeKind = 'added' | 'removed' | 'renamed' | 'moved';

/**
 * A change of one §5 entry, followed by its id. An entry that was both moved and renamed has two
 * changes (one of each kind).
 */
export interface EntryChange {
  entryId: string;
  kind: EntryChangeKind;
  /** The title on the `to` side (on the `from` side for a removed entry). */
  title: string;
  /** renamed: the title on the `from` side. */
  oldTitle?: string;
  /** renamed: the word-level diff from `oldTitle` to `title`. */
  words?: WordOp[];
  /** The Maßnahmenart on the `from` side (removed, moved, renamed). */
  fromGroup?: MeasureType;
  /** The Maßnahmenart on the `to` side (added, moved, renamed). */
  toGroup?: MeasureType;
  /** Who made the change, from the update log; empty when the log does not tell (e.g. both sides are older versions than the log's start). */
  by: Author[];
  /** Server time of the last update that made it; null when unknown. */
  at: number | null;
}

export interface GroupChange {
  measureType: MeasureType;
  kind: 'added' | 'removed';
  by: Author[];
  at: number | null;
}

/** A field of the agreement (§4 amount and the other parameters) that differs between the sides. */
export type DiffedField = keyof AgreementFields;

export interface FieldChange {
  field: DiffedField;
  from: unknown;
  to: unknown;
  by: Author[];
  at: number | null;
}

/** GET /api/agreements/:id/versions/:from/compare/:to */
export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  groups: GroupChange[];
  entries: EntryChange[];
  fields: FieldChange[];
}

/** POST /api/agreements/:id/versions */
export interface NewVersionRequest {
  name: string;
}

/** POST /api/agreements/:id/versions/:versionId/restore → 200 */
export interface RestoreResult {
  /** The version kept automatically just before the restore (restoring it undoes the restore); null when nothing changed. */
  before: VersionSummary | null;
}

/** One entry of GET /api/agreements/:id/attribution. */
export interface EntryAttribution {
  entryId: string;
  createdBy: Author | null;
  createdAt: number | null;
  changedBy: Author | null;
  changedAt: number | null;
}

export interface AttributionResponse {
  entries: EntryAttribution[];
}

/** A field change by the other party this user has not marked seen (GET /api/agreements/:id/notices). */
export interface FieldNotice {
  /** The history event's id. */
  eventId: number;
  field: DiffedField;
  from: unknown;
  to: unknown;
  by: Author;
  at: number;
}

export interface NoticesResponse {
  notices: FieldNotice[];
}

/** POST /api/agreements/:id/notices/seen: marks every notice up to this event id seen (all when left out). */
export interface NoticesSeenRequest {
  upToEventId?: number;
}

/** What the history panel filters by. */
export type HistoryCategory = 'text' | 'comments' | 'signoff';

/** The category of each event kind of the agreement's history. */
export const HISTORY_CATEGORY: Readonly<Record<HistoryKind, HistoryCategory>> = {
  created: 'text',
  'fields-changed': 'text',
  'version-saved': 'text',
  restored: 'text',
  released: 'signoff',
  reopened: 'signoff',
  signed: 'signoff',
  final: 'signoff',
  'scan-uploaded': 'signoff',
  'paper-recorded': 'signoff',
};

/** German labels of the automatic versions. */
export const VERSION_LABELS: Readonly<Record<Exclude<VersionKind, 'named'>, string>> = {
  release: 'Zur Zeichnung freigegeben',
  reopen: 'Zurückgeholt in den Entwurf',
  final: 'Von beiden Seiten unterzeichnet',
  restore: 'Stand vor der Wiederherstellung',
};

export const VERSION_NAME_MAX = 120;
