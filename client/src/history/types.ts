/**
 * The history routes' bodies as the client reads them (docs/api.md, „Verlauf und Fassungen").
 * Mirrors the contract agreed with the server half; replaced by shared/history/types.ts once that lands.
 */
export type VersionKind = 'release' | 'reopen' | 'final' | 'named' | 'restore';

export interface VersionSummary {
  id: number;
  kind: VersionKind;
  name: string;
  createdAt: number;
  createdBy: string;
  createdByName: string;
  status: string;
}

export interface Author {
  username: string;
  name: string;
}

export type WordOp = 'same' | 'insert' | 'delete';

export interface GroupChange {
  measureType: number;
  kind: 'added' | 'removed';
  by: Author[];
  at: number | null;
}

export interface EntryChange {
  entryId: string;
  kind: 'added' | 'removed' | 'renamed' | 'moved';
  title: string;
  oldTitle?: string;
  words?: { op: WordOp; text: string }[];
  fromGroup?: number;
  toGroup?: number;
  by: Author[];
  at: number | null;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
  by: Author[];
  at: number | null;
}

/** One side of a comparison as asked: a version's id, or 'now' for the live document. */
export type CompareSide = number | 'now';
/** One side of a comparison as answered. */
export type VersionRef = { kind: 'version'; version: VersionSummary } | { kind: 'now'; at: number };

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  groups: GroupChange[];
  entries: EntryChange[];
  fields: FieldChange[];
}

export interface EntryAttribution {
  entryId: string;
  createdBy: Author | null;
  createdAt: number | null;
  changedBy: Author | null;
  changedAt: number | null;
}

export interface FieldNotice {
  /** The history event's id. */
  eventId: number;
  field: string;
  from: unknown;
  to: unknown;
  by: Author;
  at: number;
}

export type HistoryCategory = 'text' | 'comments' | 'signoff';
