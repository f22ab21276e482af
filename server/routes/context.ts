import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AuthenticatedSession, Sessions } from '../auth/sessions.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { fail } from '../errors.js';

export type AppEnv = { Variables: { session: AuthenticatedSession | null } };

/** Resolves the session cookie (if any) for every request. */
export function sessionMiddleware(sessions: Sessions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('session', await sessions.resolve(getCookie(c, SESSION_COOKIE)));
    await next();
  });
}

export function requireSession(c: { get(key: 'session'): AuthenticatedSession | null }): AuthenticatedSession {
  const session = c.get('session');
  if (!session) fail(401, 'Bitte melden Sie sich an.', 'no valid session');
  return session;
}

/** 401 before anything else of the request is looked at: its body is nobody's business before. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireSession(c);
  await next();
});

/**
 * Refuses a request whose Origin header names another site: state-changing requests and the
 * websocket upgrade (browsers always send Origin there; a missing one is a non-browser client,
 * which cannot ride on a user's cookie).
 */
export function originGuard(allowedOrigins: readonly string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
    const origin = c.req.header('origin');
    if ((stateChanging || upgrade) && origin !== undefined) {
      // Host is only a fallback for an unconfigured server: behind a proxy a client chooses the
      // Host it sends, so once the public origin is configured, only the configured ones count.
      const host = c.req.header('host');
      const own = allowedOrigins.length === 0 && host ? [`http://${host}`, `https://${host}`] : [];
      if (!own.includes(origin) && !allowedOrigins.includes(origin)) {
        fail(403, 'Anfrage von einer fremden Seite abgelehnt.', `foreign origin ${origin}`);
      }
    }
    await next();
  });
}
