import { Hono } from 'hono';
import type { UserService } from '../commands/users.js';
import { fail } from '../errors.js';
import { mayManageUsers } from '../policies/users.js';
import type { AuthenticatedSession } from '../auth/sessions.js';
import { NewUserRequestSchema, OneTimePasswordRequestSchema, UserPatchSchema } from '../../shared/schemas/accounts.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** How many audit events a list shows: the latest, enough for a year of a busy ministry's page. */
const EVENT_LIMIT = 200;

function requireAdmin(c: { get(key: 'session'): AuthenticatedSession | null }): AuthenticatedSession {
  const session = requireSession(c);
  if (!mayManageUsers(session.user, session.account)) {
    fail(403, 'Benutzer verwaltet nur das Ministerium (Konten mit Benutzerverwaltung).', `${session.user.username} is not an admin`);
  }
  return session;
}

/** `/api/users`: the Benutzer page, for ministry admins only (401 without session, 403 for everyone else). */
export function userRoutes(users: UserService) {
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      requireAdmin(c);
      await next();
    })
    .get('/', async (c) => c.json(await users.list()))
    .get('/events', async (c) => c.json(await users.events(undefined, EVENT_LIMIT)))
    .post('/', jsonBody(NewUserRequestSchema), async (c) => {
      const { user } = requireAdmin(c);
      return c.json(await users.create(user.username, c.req.valid('json')), 201);
    })
    .get('/:username/events', async (c) => {
      const target = await users.get(c.req.param('username'));
      return c.json(await users.events(target.username, EVENT_LIMIT));
    })
    .patch('/:username', jsonBody(UserPatchSchema), async (c) => {
      const { user, tokenHash } = requireAdmin(c);
      return c.json(await users.update(user.username, tokenHash, c.req.param('username'), c.req.valid('json')));
    })
    .post('/:username/deactivate', async (c) => {
      const { user, tokenHash } = requireAdmin(c);
      return c.json(await users.setActive(user.username, tokenHash, c.req.param('username'), false));
    })
    .post('/:username/reactivate', async (c) => {
      const { user, tokenHash } = requireAdmin(c);
      return c.json(await users.setActive(user.username, tokenHash, c.req.param('username'), true));
    })
    .post('/:username/one-time-password', jsonBody(OneTimePasswordRequestSchema), async (c) => {
      const { user, tokenHash } = requireAdmin(c);
      const { password } = c.req.valid('json');
      return c.json(await users.setOneTimePassword(user.username, tokenHash, c.req.param('username'), password));
    });
}
