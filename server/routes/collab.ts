import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { AgreementService } from '../commands/agreements.js';
import type { AgreementPeer } from '../documents/hooks.js';
import type { Logger } from '../log.js';
import type { Connection } from '../sync/connection.js';
import { AttemptLimit, CONNECT_RATE, type AttemptRate } from '../sync/attemptLimit.js';
import type { RoomRegistry } from '../sync/registry.js';
import { fail } from '../errors.js';
import { CLOSE } from '../../shared/protocol.js';
import { requireSession, type AppEnv } from './context.js';

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
  connectRate: { perUser: AttemptRate; perAddress: AttemptRate } = CONNECT_RATE,
) {
  const perUser = new AttemptLimit(connectRate.perUser);
  const perAddress = new AttemptLimit(connectRate.perAddress);
  return new Hono<CollabEnv>().get(
    '/:id',
    async (c, next) => {
      const session = requireSession(c);
      // More connection attempts than browsers make: 429 before the upgrade (docs/protocol.md).
      const address = getConnInfo(c).remote.address ?? 'unknown';
      if (!perAddress.take(address) || !perUser.take(session.user.username)) {
        log.warn('connection-throttled', { user: session.user.username, address });
        fail(429, 'Zu viele Verbindungsversuche. Bitte warten Sie einen Moment.', `too many connection attempts by ${session.user.username} from ${address}`);
      }
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
        presence: { user: { name: session.user.displayName, color: session.user.color, party: session.user.partyLabel, username: session.user.username, role: session.user.role } },
      };
      let connection: Connection<AgreementPeer> | null = null;
      let closed = false;
      const early: (Uint8Array | string)[] = [];
      return {
        onOpen: (_event, ws: WSContext<WebSocket>) => {
          // Pongs are answered by the browser itself; hono has no event for them, ws has.
          ws.raw?.on('pong', () => connection?.alive());
          void (async () => {
            try {
              const socket = {
                send: (data: Uint8Array) => ws.send(data as Uint8Array<ArrayBuffer>),
                close: (code: number, reason: string) => ws.close(code, reason),
                ping: () => ws.raw?.ping(),
              };
              connection = await rooms.connect(id, socket, peer);
              if (closed) return connection.closedByPeer();
              for (const data of early.splice(0)) connection.receive(data);
            } catch (error: unknown) {
              log.error('collab-open-failed', { agreement: id, user: peer.username, error: String(error) });
              ws.close(CLOSE.internalError, 'could not open the document');
            }
          })();
        },
        onMessage: (event) => {
          const data = typeof event.data === 'string' ? event.data : event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : null;
          if (data === null) return;
          if (connection) connection.receive(data);
          else early.push(data);
        },
        onClose: () => {
          closed = true;
          connection?.closedByPeer();
        },
      };
    }),
  );
}
