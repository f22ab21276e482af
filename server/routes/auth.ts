import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Credentials } from '../auth/credentials.js';
import { currentUserFromRecord, currentUserOf } from '../auth/currentUser.js';
import { SESSION_COOKIE, SESSION_TTL_MS, type Sessions } from '../auth/sessions.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { SESSION_HINT_COOKIE } from '../../shared/protocol.js';
import { LoginRequestSchema } from '../../shared/schemas/auth.js';
import { limitBody, MAX_LOGIN_BYTES } from './bodyLimit.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** The peer's address; app.request() in tests has no socket. */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function authRoutes(
  sessions: Sessions,
  log: Logger,
  secureCookies: boolean,
  /** Ends whatever else rides on a session (its websockets) when it is logged out. */
  onLogout: (tokenHash: string) => Promise<void>,
  credentials: Credentials,
) {
  return new Hono<AppEnv>()
    .post('/login', limitBody(MAX_LOGIN_BYTES), jsonBody(LoginRequestSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      const user = await credentials.login(username, password, clientAddress(c));
      // Another user logging in in the same browser ends the first one's session (and its
      // websockets): the cookie is replaced, and a session nobody holds should not stay valid.
      const previous = c.get('session');
      if (previous && previous.user.username !== user.username) {
        await sessions.destroy(previous.tokenHash);
        await onLogout(previous.tokenHash);
      }
      // Told only to whoever knows the password: a deactivated account exists, but cannot log in.
      if (!user.active) {
        log.warn('login-inactive', { username: user.username });
        fail(403, 'Ihr Zugang ist deaktiviert. Bitte wenden Sie sich an das Ministerium.', 'account deactivated');
      }
      const { token } = await sessions.create(user.username);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookies,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      // Readable by scripts on purpose: a flag without a secret (shared/protocol.ts).
      setCookie(c, SESSION_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'Lax', secure: secureCookies, path: '/', maxAge: Math.floor(SESSION_TTL_MS / 1000) });
      log.info('login', { username: user.username });
      return c.json(currentUserFromRecord(user));
    })
    .post('/logout', async (c) => {
      const session = c.get('session');
      if (session) {
        await sessions.destroy(session.tokenHash);
        await onLogout(session.tokenHash);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, SESSION_HINT_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/session', (c) => c.json(currentUserOf(requireSession(c))));
}
