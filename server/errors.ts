import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error class of the app (Hono's): a status, a German message for the user and, as its
 * cause, an English explanation for the log.
 */
export function fail(status: ContentfulStatusCode, german: string, englishForLog?: string): never {
  throw new HTTPException(status, { message: german, cause: englishForLog ?? german });
}

/**
 * 503 with `Retry-After`: the server is busy with something it caps (password hashing) and the
 * client may simply try again. The header rides on the exception's response; app.onError copies it.
 */
export function failBusy(german: string, englishForLog: string, retryAfterSeconds: number): never {
  const res = new Response(null, { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } });
  throw new HTTPException(503, { message: german, cause: englishForLog, res });
}
