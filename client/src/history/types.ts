/**
 * The history routes' bodies (docs/api.md, „Verlauf und Fassungen"): the contract in
 * shared/history/types.ts, plus what only the client names.
 */
export type {
  AttributionResponse,
  Author,
  EntryAttribution,
  EntryChange,
  FieldChange,
  FieldNotice,
  GroupChange,
  HistoryCategory,
  NoticesResponse,
  RestoreResult,
  VersionDiff,
  VersionKind,
  VersionRef,
  VersionSummary,
  WordOp,
} from '../../../shared/history/types.js';

/** One side of a comparison as asked in the path: a version's id, or 'now' for the live document. */
export type CompareSide = number | 'now';
