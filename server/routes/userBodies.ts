import type { AccountPatch, NewUserRequest, PasswordChangeRequest, UserPatch } from '../../shared/accounts/types.js';
import { MAX_PASSWORD_LENGTH } from '../../shared/accounts/password.js';
import { displayNameProblem, emailProblem, usernameProblem } from '../../shared/accounts/validate.js';
import { isRole } from '../../shared/roles.js';
import { fail } from '../errors.js';
import { isRecord } from './context.js';

/** Request bodies of /api/users and /api/account: shape and types here, rights and rules in the policy. */

function record(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(body)) fail(400, 'Die Anfrage ist unvollständig.', 'body is not an object');
  const unknownKeys = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0) fail(400, 'Die Anfrage enthält unbekannte Angaben.', `unknown keys: ${unknownKeys.join(', ')}`);
  return body;
}

function check(problem: string | null, reason: string): void {
  if (problem) fail(400, problem, reason);
}

function password(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(400, `Bitte ${label} angeben.`, `${label} missing`);
  if (value.length > MAX_PASSWORD_LENGTH * 4) fail(400, `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`, 'password too long');
  return value;
}

/** An e-mail address, trimmed; "" and null mean none. */
function email(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') fail(400, 'Bitte eine gültige E-Mail-Adresse angeben.', 'email is not a string');
  const trimmed = value.trim();
  if (trimmed === '') return null;
  check(emailProblem(trimmed), 'invalid email');
  return trimmed;
}

function displayName(value: unknown): string {
  if (typeof value !== 'string') fail(400, 'Bitte einen Namen angeben.', 'displayName is not a string');
  check(displayNameProblem(value), 'invalid displayName');
  return value.trim();
}

function role(value: unknown) {
  if (!isRole(value)) fail(400, 'Bitte eine gültige Rolle wählen.', `unknown role ${String(value)}`);
  return value;
}

function districtId(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') fail(400, 'Diesen Kreis bzw. diese Stadt gibt es nicht.', 'districtId is not a string');
  return value;
}

function flag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') fail(400, 'Die Anfrage ist unvollständig.', `${name} is not a boolean`);
  return value;
}

export function parseNewUser(body: unknown): NewUserRequest {
  const b = record(body, ['username', 'displayName', 'email', 'role', 'districtId', 'admin', 'password']);
  const username = typeof b.username === 'string' ? b.username.trim() : '';
  check(usernameProblem(username), `invalid username ${username.slice(0, 50)}`);
  return {
    username,
    displayName: displayName(b.displayName),
    email: email(b.email ?? null),
    role: role(b.role),
    districtId: districtId(b.districtId ?? null),
    admin: b.admin === undefined ? false : flag(b.admin, 'admin'),
    password: password(b.password, 'ein Einmalpasswort'),
  };
}

export function parseUserPatch(body: unknown): UserPatch {
  const b = record(body, ['displayName', 'email', 'role', 'districtId', 'admin']);
  const patch: UserPatch = {};
  if ('displayName' in b) patch.displayName = displayName(b.displayName);
  if ('email' in b) patch.email = email(b.email);
  if ('role' in b) patch.role = role(b.role);
  if ('districtId' in b) patch.districtId = districtId(b.districtId);
  if ('admin' in b) patch.admin = flag(b.admin, 'admin');
  if (Object.keys(patch).length === 0) fail(400, 'Bitte angeben, was geändert werden soll.', 'empty user patch');
  return patch;
}

export function parseOneTimePassword(body: unknown): string {
  return password(record(body, ['password']).password, 'ein Einmalpasswort');
}

export function parsePasswordChange(body: unknown): PasswordChangeRequest {
  const b = record(body, ['currentPassword', 'newPassword']);
  return { currentPassword: password(b.currentPassword, 'Ihr bisheriges Passwort'), newPassword: password(b.newPassword, 'ein neues Passwort') };
}

export function parseAccountPatch(body: unknown): AccountPatch {
  const b = record(body, ['email']);
  if (!('email' in b)) fail(400, 'Bitte eine E-Mail-Adresse angeben.', 'account patch without email');
  return { email: email(b.email) };
}
