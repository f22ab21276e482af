import type { SessionUser } from '../../shared/api.js';
import type { PeerInfo } from '../sync/types.js';

/** A connection's identity in a template draft's room: the session's user. */
export interface TemplatePeer extends PeerInfo {
  user: SessionUser;
  /** The version whose document the connection edits (the room's name). */
  version: string;
  sessionExpiresAt: number;
  /** The session this connection rides on; logging out closes the connection. */
  sessionTokenHash: string;
}
