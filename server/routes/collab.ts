import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { Hono } from 'hono';
import type { AgreementService } from '../commands/agreements.js';
import type { AgreementPeer } from '../documents/hooks.js';
import type { Logger } from '../log.js';
import { CONNECT_RATE } from '../sync/attemptLimit.js';
import type { RoomRegistry } from '../sync/registry.js';
import { requireSession, type AppEnv } from './context.js';
import { connectAttempts, presenceOf, roomSocket, type ConnectRate } from './roomSocket.js';

/** The route's own variable: the agreement's district, read once before the upgrade. */
type CollabEnv = { Variables: AppEnv['Variables'] & { districtId: string } };

/**
 * `/collab/:id`: the y-websocket protocol, room = agreement id. Authentication (session cookie),
 * Origin and the right to read the agreement are checked before the upgrade: a refused client
 * gets an HTTP status and never a byte of the document.
 */
export function collabRoutes(
  agreements: AgreementService,
  rooms: RoomRegistry<AgreementPeer>,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  log: Logger,
  connectRate: ConnectRate = CONNECT_RATE,
) {
  const throttle = connectAttempts(log, connectRate);
  return new Hono<CollabEnv>().get(
    '/:id',
    async (c, next) => {
      const session = requireSession(c);
      throttle(c, session.user.username);
      // Read once: the upgrade below takes the district from here.
      c.set('districtId', (await agreements.readable(session.user, c.req.param('id'))).districtId);
      await next();
    },
    upgradeWebSocket((c) => {
      const session = requireSession(c);
      const id = c.req.param('id') ?? '';
      const peer: AgreementPeer = {
        username: session.user.username,
        user: session.user,
        districtId: c.get('districtId'),
        sessionExpiresAt: session.expiresAt,
        sessionTokenHash: session.tokenHash,
        presence: presenceOf(session.user),
      };
      return roomSocket(rooms, id, peer, log);
    }),
  );
}
