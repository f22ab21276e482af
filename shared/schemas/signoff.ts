import * as v from 'valibot';
import { placeProblem, reasonProblem } from '../signoff.js';
import { germanRule } from './issues.js';
import { requestBody } from './requestBody.js';

/** Request bodies of the sign-off commands (docs/api.md, "Zeichnung"). */

const NO_REASON = 'Bitte begründen Sie, warum die Vereinbarung zurückgeholt wird.';
const NO_PLACE = 'Bitte geben Sie den Ort der Unterzeichnung an.';
const NO_PASSWORD = 'Bitte geben Sie Ihr Passwort ein.';
const BAD_HASH = 'Der Prüfwert des Textes ist ungültig.';

/** POST /api/agreements/:id/release: nothing to say but the wish. */
export const ReleaseRequestSchema = requestBody({}, 'Die Freigabe erwartet ein leeres JSON-Objekt ({}).');

export type ReleaseRequest = v.InferOutput<typeof ReleaseRequestSchema>;

/** POST /api/agreements/:id/reopen: why the agreement goes back to draft (3–1000 characters). */
export const ReopenRequestSchema = requestBody({ reason: v.pipe(v.string(NO_REASON), germanRule(reasonProblem)) }, NO_REASON);

export type ReopenRequest = v.InferOutput<typeof ReopenRequestSchema>;

/**
 * POST /api/agreements/:id/sign. The keys a signer types come first, so that a dialog shows the
 * message about them before the one about the hash it sends on its own.
 */
export const SignRequestSchema = requestBody(
  {
    place: v.pipe(v.string(NO_PLACE), germanRule(placeProblem)),
    /** The signer's password, entered again. */
    password: v.pipe(v.string(NO_PASSWORD), v.nonEmpty(NO_PASSWORD), v.maxLength(1000, 'Das Passwort ist zu lang.')),
    /** The SHA-256 (hex) of the released text the signer saw. */
    hash: v.pipe(v.string(BAD_HASH), v.regex(/^[0-9a-f]{64}$/, BAD_HASH)),
  },
  'Bitte Ort, Passwort und den Prüfwert des gelesenen Textes angeben.',
);

export type SignRequest = v.InferOutput<typeof SignRequestSchema>;
