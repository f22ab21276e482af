import * as v from 'valibot';
import { requestBody } from './requestBody.js';

/** Request bodies of the session routes (docs/api.md, "Session"). */

const MISSING = 'Bitte Benutzername und Passwort eingeben.';

/** POST /api/login. The user name is trimmed; the password is taken as typed. */
export const LoginRequestSchema = requestBody(
  {
    username: v.pipe(v.string(MISSING), v.trim(), v.nonEmpty(MISSING), v.maxLength(200, 'Der Benutzername ist zu lang.')),
    password: v.pipe(v.string(MISSING), v.nonEmpty(MISSING), v.maxLength(1000, 'Das Passwort ist zu lang.')),
  },
  MISSING,
);

export type LoginRequest = v.InferOutput<typeof LoginRequestSchema>;
