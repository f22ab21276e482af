/** The password rule both sides state; the server also refuses known-breached and trivial ones. */
export const MIN_PASSWORD_LENGTH = 12;
/** scrypt of a megabyte costs nothing to send and much to hash; nobody types more than this. */
export const MAX_PASSWORD_LENGTH = 200;

export const PASSWORD_RULE = `Mindestens ${MIN_PASSWORD_LENGTH} Zeichen; keine bekannten oder leicht zu erratenden Passwörter, nicht der Benutzername.`;
