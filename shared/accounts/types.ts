import type * as v from 'valibot';
import type { AccountPatchSchema, NewUserRequestSchema, OneTimePasswordRequestSchema, PasswordChangeRequestSchema, UserPatchSchema } from '../schemas/accounts.js';
import type { SessionUser } from '../api.js';
import type { Role } from '../roles.js';

/**
 * Accounts (issue 15): request and response bodies of `/api/users` (ministry admins only) and
 * `/api/account` (everyone's own account). The admin capability is a flag on ministry users, not
 * a role: a role says what one does with agreements, the flag says who manages people, and the
 * two are independent (the Referat may administer without signing, and the other way round).
 */

/** `GET /api/session` and `POST /api/login`: who is signed in, with their account state. */
export interface CurrentUser extends SessionUser {
  email: string | null;
  /** May open „Benutzer“ (a ministry user with the admin flag). */
  admin: boolean;
  /** Signed in with a one-time password: every call but the password change and logout gets 403. */
  mustChangePassword: boolean;
}

/** A row of „Benutzer“. */
export interface UserSummary {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  /** null for the ministry. */
  districtId: string | null;
  /** "Ministerium" or the district's name. */
  partyLabel: string;
  admin: boolean;
  active: boolean;
  /** Has a one-time password not yet changed. */
  mustChangePassword: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The request bodies, inferred from their schemas (shared/schemas/accounts.ts). */
export type NewUserRequest = v.InferOutput<typeof NewUserRequestSchema>;
export type UserPatch = v.InferOutput<typeof UserPatchSchema>;
export type OneTimePasswordRequest = v.InferOutput<typeof OneTimePasswordRequestSchema>;
export type PasswordChangeRequest = v.InferOutput<typeof PasswordChangeRequestSchema>;
export type AccountPatch = v.InferOutput<typeof AccountPatchSchema>;

export type UserEventKind =
  | 'created'
  | 'changed'
  | 'deactivated'
  | 'reactivated'
  | 'one-time-password-set'
  | 'password-changed'
  | 'email-changed';

/** A field an admin (or the user, for the e-mail address) changed, with its value before and after. */
export interface FieldChange {
  field: 'displayName' | 'email' | 'role' | 'districtId' | 'admin';
  from: string | boolean | null;
  to: string | boolean | null;
}

/** An audit event: who (`actor`, or "cli" for the command line) did what to whom (`target`), when. */
export interface UserEvent {
  id: number;
  at: number;
  actor: string;
  target: string;
  kind: UserEventKind;
  /** For `created` and `changed` (and `email-changed`): what was set. */
  changes: FieldChange[];
}
