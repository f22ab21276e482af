import type { Hono } from 'hono';
import { CLOSE } from '../../shared/protocol.js';
import type { Credentials } from '../auth/credentials.js';
import { AccountService } from '../commands/account.js';
import { UserService, type EndConnections } from '../commands/users.js';
import type { AgreementPeer } from '../documents/hooks.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import { accountRoutes } from './account.js';
import type { AppEnv } from './context.js';
import { passwordChangeGuard } from './passwordChangeGuard.js';
import { userRoutes } from './users.js';

/**
 * Accounts (issue 15) on the app: the one-time-password guard on every API call and websocket,
 * „Benutzer“ under /api/users and „Mein Konto“ under /api/account. Called right after the session
 * middleware, before any other route.
 */
export function mountAccounts(app: Hono<AppEnv>, deps: { store: Store; log: Logger; credentials: Credentials; rooms: RoomRegistry<AgreementPeer> }) {
  // Like logging out: the sessions are gone from the store, and their sockets close with 4401.
  const endConnections: EndConnections = (username, except) =>
    deps.rooms.closeWhere((peer) => peer.username === username && peer.sessionTokenHash !== except, CLOSE.unauthenticated, 'account changed');
  const users = new UserService(deps.store, deps.log, endConnections);
  const account = new AccountService(deps.store, deps.log, deps.credentials, endConnections);
  app.use('/api/*', passwordChangeGuard);
  app.use('/collab/*', passwordChangeGuard);
  app.route('/api/users', userRoutes(users));
  app.route('/api/account', accountRoutes(account));
  return { users, account };
}
