import type { AgreementFields } from './fields.js';
import type { Role } from './roles.js';

/** Request and response bodies of `/api`. Errors are `{ error: string }` with a German message. */

export interface LoginRequest {
  username: string;
  password: string;
}

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

export type AgreementStatus = 'draft';

export const STATUS_LABELS: Readonly<Record<AgreementStatus, string>> = {
  draft: 'Entwurf',
};

export interface AgreementSummary {
  id: string;
  districtId: string;
  districtName: string;
  year: number;
  status: AgreementStatus;
  /** "Zielvereinbarung 2024 – Landkreis Werra-Meißner-Kreis" */
  title: string;
}

export interface AgreementPermissions {
  /** May edit the §5 project list now (role and status). */
  editBody: boolean;
  /** May change the §4 amount. */
  editAmount: boolean;
}

export interface AgreementDetail extends AgreementSummary {
  templateVersion: string;
  fields: AgreementFields;
  signatures: [];
  permissions: AgreementPermissions;
  /** Comment threads not yet resolved ("Erledigt"); release for signature needs 0. */
  openThreads: number;
  updatedAt: number;
}

/** PATCH /api/agreements/:id/fields */
export interface FieldsPatch {
  amountCents?: number;
}

export interface ApiError {
  error: string;
}
