import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { PasswordAttempts } from '../auth/attempts.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password.js';
import { currentUserFromRecord, currentUserOf } from '../auth/currentUser.js';
import { SESSION_COOKIE, SESSION_TTL_MS, type Sessions } from '../auth/sessions.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { isRecord, readJson, requireSession, type AppEnv } from './context.js';

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
    .post('/login', async (c) => {
      const body = await readJson(c, 4096);
      if (!isRecord(body) || typeof body.username !== 'string' || typeof body.password !== 'string') {
        fail(400, 'Bitte Benutzername und Passwort angeben.', 'login without username or password');
      }
      const account = body.username.trim().toLowerCase();
      attempts.assertAllowed(account);
      const user = await store.getUser(body.username.trim());
      // Compare against a dummy hash for unknown users, so that timing does not reveal who exists.
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) {
        attempts.recordFailure(account);
        log.warn('login-failed', { username: body.username.slice(0, 64) });
        fail(401, 'Benutzername oder Passwort ist falsch.', 'wrong username or password');
      }
      attempts.succeeded(account);
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
      return c.json({ ok: true });
    })
    .get('/session', (c) => c.json(currentUserOf(requireSession(c))));
}
