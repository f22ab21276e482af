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
