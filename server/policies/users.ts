import type { SessionUser } from '../../shared/api.js';
import { assignmentProblem } from '../../shared/accounts/validate.js';
import type { Role } from '../../shared/roles.js';

/**
 * Who may manage accounts, and which account changes are allowed: pure functions of the acting
 * admin, the account before and after, and how many active ministry admins there are. The
 * commands (server/commands/users.ts) ask here first; the store checks the last-admin rule once
 * more inside its transaction.
 *
 * The capability is a flag on ministry users (`admin`), not a role: roles decide what one does
 * with agreements (shared/roles.ts, the permission table), the flag decides who manages people.
 */

export interface AccountShape {
  username: string;
  role: Role;
  districtId: string | null;
  admin: boolean;
  active: boolean;
}

export type UserDecision = { ok: true } | { ok: false; status: 400 | 403 | 409; message: string; reason: string };

const OK: UserDecision = { ok: true };
const refuse = (status: 400 | 403 | 409, message: string, reason: string): UserDecision => ({ ok: false, status, message, reason });

export const LAST_ADMIN_MESSAGE =
  'Dies ist das letzte aktive Konto des Ministeriums mit Benutzerverwaltung. Bitte geben Sie zuerst einem weiteren Konto die Benutzerverwaltung.';

/** Only ministry users with the admin flag open „Benutzer“. */
export function mayManageUsers(user: SessionUser, account: { admin: boolean }): boolean {
  return account.admin && user.districtId === null;
}

/** Counts towards the admins that must remain: active, of the ministry, with the flag. */
export function isActiveAdmin(account: Pick<AccountShape, 'admin' | 'active' | 'districtId'>): boolean {
  return account.admin && account.active && account.districtId === null;
}

/** A change of role, district, admin flag or active flag by `actor` (a username). */
export function decideChange(actor: string, before: AccountShape, after: AccountShape, activeAdmins: number): UserDecision {
  const problem = assignmentProblem(after.role, after.districtId, after.admin);
  if (problem) return refuse(400, problem, `invalid assignment for ${after.username}: ${after.role}/${String(after.districtId)}/admin=${String(after.admin)}`);
  if (actor === before.username && !after.active) {
    return refuse(409, 'Sie können Ihr eigenes Konto nicht deaktivieren.', `${actor} tried to deactivate themselves`);
  }
  if (isActiveAdmin(before) && !isActiveAdmin(after) && activeAdmins <= 1) {
    return refuse(409, LAST_ADMIN_MESSAGE, `${before.username} is the last active ministry admin`);
  }
  return OK;
}

/** One-time passwords are for others: one's own password is changed under „Mein Konto“ with the current one. */
export function decideOneTimePassword(actor: string, target: AccountShape): UserDecision {
  if (actor === target.username) {
    return refuse(409, 'Ihr eigenes Passwort ändern Sie unter „Mein Konto“.', `${actor} tried to set their own one-time password`);
  }
  if (!target.active) return refuse(409, 'Das Konto ist deaktiviert. Bitte reaktivieren Sie es zuerst.', `one-time password for inactive ${target.username}`);
  return OK;
}

/** Changes that alter what the user may do: their sessions end, so that every right is read anew at the next login. */
export function changesRights(before: AccountShape, after: AccountShape): boolean {
  return before.role !== after.role || before.districtId !== after.districtId || before.admin !== after.admin || (before.active && !after.active);
}
