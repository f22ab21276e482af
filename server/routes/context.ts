import type { Context } from 'hono';
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

/** Reads a JSON body of at most `maxBytes`, with German errors for what is not JSON. */
export async function readJson(c: Context<AppEnv>, maxBytes = 64 * 1024): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    fail(415, 'Die Anfrage muss JSON enthalten.', 'content-type is not application/json');
  }
  const text = await c.req.text();
  if (text.length > maxBytes) fail(413, 'Die Anfrage ist zu groß.', `body of ${text.length} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    fail(400, 'Die Anfrage enthält kein gültiges JSON.', 'malformed JSON body');
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
