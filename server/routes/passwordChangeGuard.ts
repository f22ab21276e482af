import { createMiddleware } from 'hono/factory';
import { fail } from '../errors.js';
import type { AppEnv } from './context.js';

/** What a session holding a one-time password may still do: choose a password, say who it is, log out. */
const ALLOWED = new Set(['POST /api/account/password', 'GET /api/session', 'POST /api/login', 'POST /api/logout']);

/**
 * After a login with a one-time password, every other request (and every websocket) answers 403
 * until the user has chosen their own password: whoever learnt the one-time password on its way
 * to the user can use it once, and the user notices because theirs no longer works.
 */
export const passwordChangeGuard = createMiddleware<AppEnv>(async (c, next) => {
  const session = c.get('session');
  if (session?.account.mustChangePassword && !ALLOWED.has(`${c.req.method} ${c.req.path}`)) {
    fail(403, 'Bitte legen Sie zuerst ein eigenes Passwort fest; das Einmalpasswort gilt nur dafür.', `${session.user.username} must change the one-time password first (${c.req.method} ${c.req.path})`);
  }
  await next();
});
