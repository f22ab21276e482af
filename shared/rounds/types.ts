import type { AgreementStatus } from '../api.js';
import type { DistrictKind, Regierungsbezirk } from '../districts.js';
import type { MeasureType } from '../measureTypes.js';

/**
 * The yearly round (issue 10): request and response bodies of `/api/districts`, `/api/rounds…`
 * and `/api/agreements/:id/changes-since-previous`. Validation lives beside them in
 * `validate.ts`; errors are `{ error }` with a German message as everywhere.
 */

/** GET /api/districts: one of the 26 partners. */
export interface DistrictInfo {
  id: string;
  name: string;
  kind: DistrictKind;
  regierungsbezirk: Regierungsbezirk;
  seat: string;
}

/** A signatory as the round's form asks for it; date and signature mark stay empty until signing. */
export interface SignatoryInput {
  name: string;
  /** The function as printed, one entry per line ("Landrätin", …). */
  functionLines: string[];
  /** Place printed before "den" ("Eschwege"). */
  place: string;
}

/** Where a new agreement's §5 project list starts from. */
export type CarryOver = 'previous' | 'none';

/** One district's agreement in a round. */
export interface RoundAgreementInput {
  districtId: string;
  /** §4 amount in cents. */
  amountCents: number;
  signatory: SignatoryInput;
}

/** POST /api/rounds */
export interface CreateRoundRequest {
  year: number;
  /** Template version the agreements pin ("aqb-2024"). */
  templateVersion: string;
  /** Signing deadline, ISO date "YYYY-MM-DD". */
  deadline: string;
  carryOver: CarryOver;
  ministrySignatory: SignatoryInput;
  agreements: RoundAgreementInput[];
}

/** POST /api/rounds/:year/agreements: districts added to an existing round. */
export interface AddRoundAgreementsRequest {
  agreements: RoundAgreementInput[];
}

/** 201 of both POSTs: the agreements created, in the order of the request. */
export interface CreateRoundResponse {
  year: number;
  agreements: { id: string; districtId: string }[];
}

/** GET /api/rounds: one round with its counts. */
export interface RoundSummary {
  year: number;
  templateVersion: string;
  deadline: string;
  carryOver: CarryOver;
  ministrySignatory: SignatoryInput;
  createdAt: number;
  createdBy: string;
  /** Number of agreements of the round. */
  agreements: number;
  /** Agreements per status. */
  byStatus: Record<AgreementStatus, number>;
}

/** GET /api/rounds/:year/prefill: what the „Neue Runde" form can start from. */
export interface RoundPrefill {
  /** The year asked for; the signatories come from the agreements of year - 1. */
  year: number;
  /** The previous round's ministry signatory, or null when there is none. */
  ministrySignatory: SignatoryInput | null;
  districts: {
    districtId: string;
    /** The district's signatory in its agreement of year - 1, or null. */
    signatory: SignatoryInput | null;
    /** Its §4 amount of year - 1, or null. */
    previousAmountCents: number | null;
  }[];
}

/** One row of the status board (GET /api/rounds/:year/board and its events). */
export interface BoardRow {
  agreementId: string;
  districtId: string;
  districtName: string;
  regierungsbezirk: Regierungsbezirk;
  status: AgreementStatus;
  amountCents: number;
  /** Project entries in §5. */
  projects: number;
  /** Comment threads not yet resolved. */
  openThreads: number;
  /** Server time (ms) of the last edit, comment or sign-off step; null when nothing happened since creation. */
  lastActivityAt: number | null;
  /** Display name of whoever did it, or null. */
  lastActivityBy: string | null;
  signed: { ministry: boolean; district: boolean };
  /** The deadline has passed (end of the deadline day, Europe/Berlin) and the agreement is not final. */
  overdue: boolean;
}

export interface BoardTotals {
  amountCents: number;
  agreements: number;
  byStatus: Record<AgreementStatus, number>;
}

/** GET /api/rounds/:year/board */
export interface Board {
  year: number;
  deadline: string;
  /** A note of the ministry's shown with the round, e.g. that amounts are demo values. */
  note?: string;
  totals: BoardTotals;
  rows: BoardRow[];
}

/**
 * GET /api/rounds/:year/events (server-sent events). `ready` once the subscription is live (data
 * `{}`: fetch the board after it, and nothing is missed); `row` with a BoardRow as JSON whenever
 * that row changed (at most once a second per agreement; a district user only ever receives its
 * own district's rows); `ping` every 25 s, so that proxies keep an idle stream open.
 */
export type BoardEventName = 'ready' | 'row' | 'ping';

/** An entry as the changes panel names it. */
export interface EntryRef {
  /** The entry's id in the agreement asked about (for removed entries: the id in the previous year's). */
  id: string;
  title: string;
}

export interface RenamedEntry extends EntryRef {
  /** Title in the previous year. */
  from: string;
  /** Id of the entry in the previous year it was carried from. */
  previousId: string;
}

export interface MovedEntry extends EntryRef {
  /** Maßnahmenart (shared/measureTypes.ts) in the previous year and now. */
  fromMeasureType: MeasureType;
  toMeasureType: MeasureType;
  previousId: string;
}

/** GET /api/agreements/:id/changes-since-previous: computed from the lineage of entry ids. */
export interface ChangesSincePrevious {
  /** The agreement of year - 1 of the same district, or null (then every list below is empty). */
  previous: { id: string; year: number } | null;
  /** Entries without lineage to the previous year. */
  added: EntryRef[];
  /** Entries of the previous year that no current entry was carried from. */
  removed: EntryRef[];
  renamed: RenamedEntry[];
  moved: MovedEntry[];
  /** §4 amount in cents; `from` is null without a previous agreement. */
  amount: { from: number | null; to: number };
}
