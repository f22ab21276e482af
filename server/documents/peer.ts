import type { SessionUser } from '../../shared/api.js';
import type { PeerInfo } from '../sync/types.js';

/** A connection's identity in an agreement's room: the session's user and the agreement's district. */
export interface AgreementPeer extends PeerInfo {
  user: SessionUser;
  districtId: string;
  sessionExpiresAt: number;
  /** The session this connection rides on; logging out closes the connection. */
  sessionTokenHash: string;
}
