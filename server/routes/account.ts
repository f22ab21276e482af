import { Hono } from 'hono';
import type { AccountService } from '../commands/account.js';
import { readJson, requireSession, type AppEnv } from './context.js';
import { parseAccountPatch, parsePasswordChange } from './userBodies.js';

/** `/api/account`: „Mein Konto“, every signed-in user's own password and e-mail address. */
export function accountRoutes(account: AccountService) {
  return new Hono<AppEnv>()
    .post('/password', async (c) => {
      const session = requireSession(c);
      const { currentPassword, newPassword } = parsePasswordChange(await readJson(c, 4096));
      return c.json(await account.changePassword(session, currentPassword, newPassword));
    })
    .patch('/', async (c) => {
      const session = requireSession(c);
      return c.json(await account.changeEmail(session, parseAccountPatch(await readJson(c, 4096)).email));
    });
}
