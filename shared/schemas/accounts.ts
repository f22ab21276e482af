import * as v from 'valibot';
import { MAX_PASSWORD_LENGTH } from '../accounts/password.js';
import { displayNameProblem, emailProblem, usernameProblem } from '../accounts/validate.js';
import { ROLES } from '../roles.js';
import { germanRule } from './issues.js';
import { requestBody } from './requestBody.js';

/** Request bodies of /api/users and /api/account (docs/api.md, "Benutzer"); rights and the rest in the policy. */

const INCOMPLETE = 'Die Anfrage ist unvollständig.';

const password = (label: string) =>
  v.pipe(
    v.string(`Bitte ${label} angeben.`),
    v.nonEmpty(`Bitte ${label} angeben.`),
    v.maxLength(MAX_PASSWORD_LENGTH * 4, `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`),
  );

/** An e-mail address, trimmed; "" and null mean none. */
const email = v.pipe(
  v.nullable(v.string('Bitte eine gültige E-Mail-Adresse angeben.')),
  v.transform((value) => (value === null || value.trim() === '' ? null : value.trim())),
  germanRule<string | null>((value) => (value === null ? null : emailProblem(value))),
);

const displayName = v.pipe(v.string('Bitte einen Namen angeben.'), germanRule(displayNameProblem), v.trim());
const role = v.picklist(ROLES, 'Bitte eine gültige Rolle wählen.');
const districtId = v.pipe(
  v.nullable(v.string('Diesen Kreis bzw. diese Stadt gibt es nicht.')),
  v.transform((value) => (value === '' ? null : value)),
);
const admin = v.boolean(INCOMPLETE);

/** POST /api/users: a new account with its one-time password. */
export const NewUserRequestSchema = requestBody(
  {
    username: v.pipe(v.string('Bitte einen Benutzernamen angeben.'), v.trim(), germanRule(usernameProblem)),
    displayName,
    email: v.optional(email, null),
    role,
    districtId: v.optional(districtId, null),
    admin: v.optional(admin, false),
    password: password('ein Einmalpasswort'),
  },
  INCOMPLETE,
);

/** PATCH /api/users/:username: one or more of these. */
export const UserPatchSchema = v.pipe(
  requestBody(
    { displayName: v.optional(displayName), email: v.optional(email), role: v.optional(role), districtId: v.optional(districtId), admin: v.optional(admin) },
    INCOMPLETE,
  ),
  v.check((patch) => Object.keys(patch).length > 0, 'Bitte angeben, was geändert werden soll.'),
);

/** POST /api/users/:username/one-time-password */
export const OneTimePasswordRequestSchema = requestBody({ password: password('ein Einmalpasswort') }, INCOMPLETE);

/** POST /api/account/password */
export const PasswordChangeRequestSchema = requestBody(
  { currentPassword: password('Ihr bisheriges Passwort'), newPassword: password('ein neues Passwort') },
  INCOMPLETE,
);

/** PATCH /api/account */
export const AccountPatchSchema = requestBody({ email }, 'Bitte eine E-Mail-Adresse angeben.');
