import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/accounts/password.js';
import { COMMON_PASSWORDS } from './commonPasswords.js';

/**
 * Whether a new password may be used: at least MIN_PASSWORD_LENGTH characters (NIST SP 800-63B:
 * length and a blocklist, no composition rules), not a known-breached or trivial one, not the
 * username. Returns the German message for the user, or null when it is fine. Pure: the
 * commands call it for one-time passwords and for users' own.
 */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein (dieses hat ${length}).`;
  if (length > MAX_PASSWORD_LENGTH) return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  const lower = password.normalize('NFC').toLocaleLowerCase('de');
  if (lower === username.toLocaleLowerCase('de')) return 'Das Passwort darf nicht der Benutzername sein.';
  if (isTrivial(lower)) return 'Dieses Passwort ist zu leicht zu erraten oder aus Datenlecks bekannt. Bitte wählen Sie ein anderes.';
  return null;
}

/** A listed password, alone or padded with digits and punctuation; a password of one or two characters repeated; a run of digits. */
function isTrivial(lower: string): boolean {
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 2) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core === '' ? isDigitRun(lower) : COMMON_PASSWORDS.has(core);
}

/** No letters at all: refused when the digits are a run or a repetition ("123456789012", "123412341234"). */
function isDigitRun(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < value.length) return false;
  return '01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits) || /^(\d{1,4})\1+\d{0,3}$/.test(digits);
}
