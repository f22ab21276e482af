/**
 * The small vocabulary of the hand-written request checks (rounds, paper agreements): the first
 * problem ends the check with a German message that names the field, and the caller gets it as a
 * value (`Checked`), so that the server answers 400 and the form marks the field.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

class Invalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Ends the check: „<label>: <message>“ for the field at `field` (a dotted path). */
export function invalid(field: string, label: string, message: string): never {
  throw new Invalid(field, `${label}: ${message}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key the request does not take is named, because a misspelt key silently ignored is a change the user believes made. */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], field: string, label: string): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) invalid(field ? `${field}.${extra}` : extra, label, `Unbekanntes Feld „${extra}".`);
}

/** Runs a check written with `invalid`: its value, or the first problem. */
export function runCheck<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() };
  } catch (error: unknown) {
    if (error instanceof Invalid) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
