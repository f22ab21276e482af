import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { PasswordAttempts } from '../auth/attempts.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password.js';
import { SESSION_COOKIE, SESSION_TTL_MS, toSessionUser, type Sessions } from '../auth/sessions.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { LoginRequestSchema } from '../../shared/schemas/auth.js';
import { limitBody, MAX_LOGIN_BYTES } from './bodyLimit.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

export function authRoutes(
  store: Store,
  sessions: Sessions,
  log: Logger,
  secureCookies: boolean,
  /** Ends whatever else rides on a session (its websockets) when it is logged out. */
  onLogout: (tokenHash: string) => Promise<void>,
  attempts: PasswordAttempts,
) {
  return new Hono<AppEnv>()
    .post('/login', limitBody(MAX_LOGIN_BYTES), jsonBody(LoginRequestSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      const account = username.toLowerCase();
      attempts.assertAllowed(account);
      const user = await store.getUser(username);
      // Compare against a dummy hash for unknown users, so that timing does not reveal who exists.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) {
        attempts.recordFailure(account);
        log.warn('login-failed', { username: username.slice(0, 64) });
        fail(401, 'Benutzername oder Passwort ist falsch.', 'wrong username or password');
      }
      attempts.succeeded(account);
      const { token } = await sessions.create(user.username);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookies,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      log.info('login', { username: user.username });
      return c.json(toSessionUser(user));
    })
    .post('/logout', async (c) => {
      const session = c.get('session');
      if (session) {
        await sessions.destroy(session.tokenHash);
        await onLogout(session.tokenHash);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/session', (c) => c.json(requireSession(c).user));
}
