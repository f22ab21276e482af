import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/api.js';
import { findDistrict } from '../../shared/districts.js';
import type { Store, UserRecord } from '../store/types.js';

export const SESSION_COOKIE = 'vereinbar_session';
/** A working day and a bit: officials log in in the morning. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface AuthenticatedSession {
  user: SessionUser;
  tokenHash: string;
  expiresAt: number;
  /** The account state read with the session on every request (migration 003). */
  account: { admin: boolean; mustChangePassword: boolean; email: string | null };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toSessionUser(user: UserRecord): SessionUser {
  const district = user.districtId ? findDistrict(user.districtId) : undefined;
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtId: user.districtId,
    partyLabel: district ? district.name : 'Ministerium',
    color: user.color,
  };
}

/** Sessions live in the store (so that they survive a restart); only a hash of the token is kept. */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(username: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = createdAt + SESSION_TTL_MS;
    await this.store.createSession(hashToken(token), { username, createdAt, expiresAt });
    return { token, expiresAt };
  }

  async resolve(token: string | undefined): Promise<AuthenticatedSession | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const session = await this.store.getSession(tokenHash);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      await this.store.deleteSession(tokenHash);
      return null;
    }
    const user = await this.store.getUser(session.username);
    // Deactivating deletes the sessions; an inactive user's session is refused here too, in case one was missed.
    if (!user?.active) return null;
    const account = { admin: user.admin && user.districtId === null, mustChangePassword: user.mustChangePassword, email: user.email };
    return { user: toSessionUser(user), tokenHash, expiresAt: session.expiresAt, account };
  }

  async destroy(tokenHash: string) {
    await this.store.deleteSession(tokenHash);
  }
}
