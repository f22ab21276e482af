import type { CurrentUser } from '../../shared/accounts/types.js';
import type { StoredUser } from '../store/types.js';
import type { AuthenticatedSession } from './sessions.js';
import { toSessionUser } from './sessions.js';

/** What `GET /api/session` and `POST /api/login` answer: the user with their account state. */
export function currentUserOf(session: Pick<AuthenticatedSession, 'user' | 'account'>): CurrentUser {
  return { ...session.user, ...session.account };
}

export function currentUserFromRecord(user: StoredUser): CurrentUser {
  return { ...toSessionUser(user), email: user.email, admin: user.admin && user.districtId === null, mustChangePassword: user.mustChangePassword };
}
