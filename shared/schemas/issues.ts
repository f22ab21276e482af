import * as v from 'valibot';

/**
 * How the request schemas speak: every issue carries the German message a user reads (the
 * client's dialogs show it before sending, the server answers it with 400), and an English
 * summary of where the body went wrong is made for the log.
 */

/** The German message of the first issue, or null when the value fits the schema. */
export function problemOf(schema: v.GenericSchema, value: unknown): string | null {
  const result = v.safeParse(schema, value);
  return result.success ? null : (result.issues[0]?.message ?? null);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A value checked against a schema: its output, or the German message of the first issue. */
export function checkInput<S extends v.GenericSchema>(schema: S, value: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, message: result.issues[0]?.message ?? 'Die Eingabe ist ungültig.' };
}

/**
 * For the log: where each issue is and what kind it is, never the value received (it may be a
 * password).
 */
export function issuesForLog(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((issue) => `${v.getDotPath(issue) ?? '(body)'}: ${issue.type} (expected ${issue.expected ?? 'a valid value'})`).join('; ');
}

/**
 * A rule written as a function that returns its German message (or null), as a validation step
 * of a schema: the rule stays the one definition (placeProblem, commentTextProblem …), the schema
 * adds shape and types around it.
 */
export function germanRule<T>(problem: (value: T) => string | null) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const message = problem(dataset.value);
    if (message !== null) addIssue({ message });
  });
}

/** A key as it may be quoted back in a message: short and without control characters. */
function quotedKey(key: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(key).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40);
}

const unknownKeyMessage = (key: string) => `Die Angabe „${key}“ ist in dieser Anfrage nicht vorgesehen.`;

/**
 * A JSON request body: an object with exactly the given keys. Something that is no object gets
 * `notAnObject`; a missing key gets the message its own schema gives for a missing value (so the
 * message names the field); a key the request does not take is named in the answer, because a
 * misspelt key silently ignored is a change the user believes made and was not.
 */
export function requestBody<const E extends v.ObjectEntries>(
  entries: E,
  notAnObject: string,
  unknownKey: (key: string) => string = unknownKeyMessage,
) {
  return v.strictObject(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string' || !Array.isArray(issue.path) || issue.path.length !== 1) return notAnObject;
    if (issue.expected === 'never') return unknownKey(quotedKey(key));
    const entry = Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined;
    return (entry && problemOf(entry, undefined)) ?? notAnObject;
  });
}
