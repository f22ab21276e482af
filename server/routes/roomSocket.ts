import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { WSContext, WSEvents } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { Logger } from '../log.js';
import type { Connection } from '../sync/connection.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { PeerInfo } from '../sync/types.js';
import { CLOSE } from '../../shared/protocol.js';
import type { SessionUser } from '../../shared/api.js';
import { fail } from '../errors.js';
import { AttemptLimit, CONNECT_RATE, type AttemptRate } from '../sync/attemptLimit.js';

export type ConnectRate = { perUser: AttemptRate; perAddress: AttemptRate };

/** More connection attempts than browsers make: 429 before the upgrade (docs/protocol.md). */
export function connectAttempts(log: Logger, connectRate: ConnectRate = CONNECT_RATE): (c: Context, username: string) => void {
  const perUser = new AttemptLimit(connectRate.perUser);
  const perAddress = new AttemptLimit(connectRate.perAddress);
  return (c, username) => {
    const address = getConnInfo(c).remote.address ?? 'unknown';
    if (!perAddress.take(address) || !perUser.take(username)) {
      log.warn('connection-throttled', { user: username, address });
      fail(429, 'Zu viele Verbindungsversuche. Bitte warten Sie einen Moment.', `too many connection attempts by ${username} from ${address}`);
    }
  };
}

/** What awareness says about a connection's user, whatever the client claims. */
export function presenceOf(user: SessionUser): Record<string, unknown> {
  return { user: { name: user.displayName, color: user.color, party: user.partyLabel, username: user.username, role: user.role } };
}

/**
 * The websocket events of one connection to a room of `rooms`: attaches the socket once the room
 * is loaded and hands it the messages that arrived meanwhile. Shared by the agreements' route
 * (/collab/:id) and the template drafts' (/collab/template/:version).
 */
export function roomSocket<P extends PeerInfo>(rooms: RoomRegistry<P>, name: string, peer: P, log: Logger): WSEvents<WebSocket> {
  let connection: Connection<P> | null = null;
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
            cork: () => tcpOf(ws.raw)?.cork(),
            uncork: () => tcpOf(ws.raw)?.uncork(),
          };
          connection = await rooms.connect(name, socket, peer);
          if (closed) return connection.closedByPeer();
          for (const data of early.splice(0)) connection.receive(data);
        } catch (error: unknown) {
          log.error('collab-open-failed', { document: name, user: peer.username, error: String(error) });
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
}

/**
 * The TCP socket under a ws WebSocket (ws keeps it in `_socket`, which its types do not show): the
 * room corks it while it sends a batch's frames, so that they leave in one write.
 */
function tcpOf(ws: WebSocket | undefined): { cork(): void; uncork(): void } | null {
  const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } } | undefined)?._socket;
  return socket ?? null;
}
