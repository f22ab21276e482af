import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { Hono } from 'hono';
import type { Logger } from '../log.js';
import { CONNECT_RATE } from '../sync/attemptLimit.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { TemplatePeer } from '../templates/peer.js';
import type { TemplateService } from '../templates/service.js';
import { requireSession, type AppEnv } from './context.js';
import { connectAttempts, presenceOf, roomSocket, type ConnectRate } from './roomSocket.js';

/**
 * `/collab/template/:version`: the same y-websocket protocol and server as agreements, room = a
 * template version's document. Session, Origin (app-wide guard) and the right to read the version
 * are checked before the upgrade; who may write is the rooms' lock rules' business
 * (server/templates/syncHooks.ts): ministry editors, while the version is a draft.
 */
export function templateCollabRoutes(
  templates: TemplateService,
  rooms: RoomRegistry<TemplatePeer>,
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  log: Logger,
  connectRate: ConnectRate = CONNECT_RATE,
) {
  const throttle = connectAttempts(log, connectRate);
  return new Hono<AppEnv>().get(
    '/:version',
    async (c, next) => {
      const session = requireSession(c);
      throttle(c, session.user.username);
      await templates.readable(session.user, c.req.param('version'));
      await next();
    },
    upgradeWebSocket((c) => {
      const session = requireSession(c);
      const version = c.req.param('version') ?? '';
      const peer: TemplatePeer = {
        username: session.user.username,
        user: session.user,
        version,
        sessionExpiresAt: session.expiresAt,
        sessionTokenHash: session.tokenHash,
        presence: presenceOf(session.user),
      };
      return roomSocket(rooms, version, peer, log);
    }),
  );
}
