import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error class of the app (Hono's): a status, a German message for the user and, as its
 * cause, an English explanation for the log.
 */
export function fail(status: ContentfulStatusCode, german: string, englishForLog?: string): never {
  throw new HTTPException(status, { message: german, cause: englishForLog ?? german });
}
