import { Hono } from 'hono';
import type { AccountService } from '../commands/account.js';
import { AccountPatchSchema, PasswordChangeRequestSchema } from '../../shared/schemas/accounts.js';
import { limitBody, MAX_LOGIN_BYTES } from './bodyLimit.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** `/api/account`: „Mein Konto“, every signed-in user's own password and e-mail address. */
export function accountRoutes(account: AccountService) {
  return new Hono<AppEnv>()
    .post('/password', limitBody(MAX_LOGIN_BYTES), jsonBody(PasswordChangeRequestSchema), async (c) => {
      const session = requireSession(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      return c.json(await account.changePassword(session, currentPassword, newPassword));
    })
    .patch('/', jsonBody(AccountPatchSchema), async (c) => {
      const session = requireSession(c);
      return c.json(await account.changeEmail(session, c.req.valid('json').email));
    });
}
