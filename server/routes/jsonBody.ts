import type { Context, Env, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { issuesForLog } from '../../shared/schemas/issues.js';
import { fail } from '../errors.js';

/** `application/json`, optionally with parameters (`; charset=utf-8`), and nothing else. */
export function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * The body as JSON, with German answers: 415 unless the request says it carries exactly JSON,
 * 400 when it does not parse. (Hono's own `validator('json')` hands the schema an empty object
 * for another content type, takes `application/x+json` for JSON, and answers malformed JSON in
 * English; hence this small wrapper of our own.)
 */
async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (!isJsonContentType(contentType)) {
    fail(415, 'Die Anfrage muss JSON enthalten.', `content-type ${JSON.stringify(contentType ?? null)} is not application/json`);
  }
  try {
    return await c.req.json<unknown>();
  } catch {
    fail(400, 'Die Anfrage enthält kein gültiges JSON.', 'malformed JSON body');
  }
}

type ValidatedJson<S extends v.GenericSchema> = { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } };

/**
 * The body of a JSON request, checked against its schema from shared/schemas/ (what Hono's
 * validator middleware does, with our errors): 400 with the schema's German message, the one the
 * client's dialog shows for the same input, and the English summary of every issue in the log.
 * The handler reads the typed body with `c.req.valid('json')`. The size is limited before
 * (bodyLimit.ts), so reading here never takes more than that.
 */
export function jsonBody<S extends v.GenericSchema, E extends Env = Env, P extends string = string>(schema: S): MiddlewareHandler<E, P, ValidatedJson<S>> {
  return async (c, next) => {
    const result = v.safeParse(schema, await readJsonBody(c));
    if (!result.success) fail(400, result.issues[0]?.message ?? 'Die Anfrage ist ungültig.', `invalid body: ${issuesForLog(result.issues)}`);
    c.req.addValidatedData('json', result.output as object);
    await next();
  };
}
