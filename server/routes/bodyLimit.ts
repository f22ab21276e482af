import { bodyLimit } from 'hono/body-limit';
import { fail } from '../errors.js';

/** Largest JSON body any route takes (64 KiB): a comment of 5,000 characters is about 20 KiB. */
export const MAX_JSON_BYTES = 64 * 1024;
/** Largest signed scan accepted (10 MiB): a few scanned A4 pages. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
/** A login carries a name and a password: 4 KiB is plenty, and the body is read before any check. */
export const MAX_LOGIN_BYTES = 4 * 1024;

/**
 * Refuses a body larger than `maxBytes` with 413 while it streams in: a declared Content-Length
 * above the limit is refused before a byte is read, a chunked body as soon as the bytes read pass
 * it. The rest is never read into memory (the Node adapter drains it briefly, then closes the
 * socket).
 */
export function limitBody(maxBytes: number, german = 'Die Anfrage ist zu groß.') {
  return bodyLimit({ maxSize: maxBytes, onError: () => fail(413, german, `request body over ${maxBytes} bytes`) });
}
