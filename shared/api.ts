import type { AgreementFields } from './fields.js';
import type { Role } from './roles.js';

/**
 * Response bodies of `/api`. Errors are `{ error: string }` with a German message. Request bodies
 * are valibot schemas with their inferred types in shared/schemas/, one file per area.
 */

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  /** null for the ministry, else the district's id. */
  districtId: string | null;
  /** "Ministerium" or the district's name, as shown beside comments and cursors. */
  partyLabel: string;
  /** Cursor colour, #rrggbb. */
  color: string;
}

/** draft → released (frozen) → partially-signed (one party) → final; reopening goes back to draft. */
export type AgreementStatus = 'draft' | 'released' | 'partially-signed' | 'final';

export const STATUS_LABELS: Readonly<Record<AgreementStatus, string>> = {
  draft: 'Entwurf',
  released: 'Zur Zeichnung freigegeben',
  'partially-signed': 'Teilweise unterzeichnet',
  final: 'Unterzeichnet',
};

export interface AgreementSummary {
  id: string;
  districtId: string;
  districtName: string;
  year: number;
  status: AgreementStatus;
  /** "Zielvereinbarung 2024 – Landkreis Werra-Meißner-Kreis" */
  title: string;
  /** Signing deadline of the agreement's round (ISO date), or null when it belongs to no round. */
  deadline: string | null;
}

export interface AgreementPermissions {
  /** May edit the §5 project list now (role and status). */
  editBody: boolean;
  /** May change the §4 amount. */
  editAmount: boolean;
  /** May release the draft for signature (role and status; the server checks the blockers). */
  release: boolean;
  /** May take a released, not yet final agreement back to draft. */
  reopen: boolean;
  /** May sign now: the user's own party's block, not yet signed. */
  sign: boolean;
  /** May attach a signed scan (PDF). */
  uploadScan: boolean;
}

export interface AgreementDetail extends AgreementSummary {
  templateVersion: string;
  fields: AgreementFields;
  signatures: SignatureInfo[];
  /** The frozen state, while released or signed; null in a draft. */
  release: ReleaseInfo | null;
  scans: ScanInfo[];
  permissions: AgreementPermissions;
  /** Comment threads not yet resolved ("Erledigt"); release for signature needs 0. */
  openThreads: number;
  updatedAt: number;
}

export type SigningParty = 'ministry' | 'district';

export interface ReleaseInfo {
  /** SHA-256 (hex) of the released text (GET /api/agreements/:id/released-text). */
  hash: string;
  releasedAt: number;
  releasedBy: string;
}

export interface SignatureInfo {
  party: SigningParty;
  username: string;
  name: string;
  role: Role;
  place: string;
  /** ISO date in Europe/Berlin. */
  date: string;
  signedAt: number;
  hash: string;
  /**
   * Recorded from a paper original by the ministry (POST /api/agreements/paper), not signed in
   * vereinbar: `name`, `place` and `date` are as on paper, `username` is who recorded it.
   */
  paper?: boolean;
}

export interface ScanInfo {
  id: number;
  filename: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: number;
}

export type HistoryKind =
  | 'created'
  | 'released'
  | 'reopened'
  | 'signed'
  | 'final'
  | 'scan-uploaded'
  | 'paper-recorded'
  // version history (issue 12, shared/history/types.ts)
  | 'fields-changed'
  | 'version-saved'
  | 'restored';

/** GET /api/agreements/:id/history: the append-only event log, oldest first. */
export interface HistoryEvent {
  id: number;
  kind: HistoryKind;
  actor: string;
  actorName: string;
  at: number;
  /** Reopen reason, signing party and place, hash, scan name … depending on the kind. */
  details: Record<string, string>;
  /** What the history panel filters by (shared/history/types.ts HISTORY_CATEGORY). */
  category: 'text' | 'comments' | 'signoff';
}

export interface ApiError {
  error: string;
}
