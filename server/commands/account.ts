import type { CurrentUser } from '../../shared/accounts/types.js';
import type { Credentials } from '../auth/credentials.js';
import { currentUserFromRecord } from '../auth/currentUser.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/passwordPolicy.js';
import type { AuthenticatedSession } from '../auth/sessions.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store, StoredUser, UserChange } from '../store/types.js';
import type { EndConnections } from './users.js';

/**
 * „Mein Konto“: every user changes their own password (with the current one) and e-mail
 * address. A new password ends the user's other sessions and their websockets; the session
 * making the change stays, and a one-time password is thereby used up.
 */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly credentials: Credentials,
    private readonly endConnections: EndConnections,
    private readonly now: () => number = Date.now,
  ) {}

  async changePassword(session: AuthenticatedSession, currentPassword: string, newPassword: string): Promise<CurrentUser> {
    const { username } = session.user;
    const user = await this.own(username);
    // The one password check (server/auth/credentials.ts): lockout reserved before hashing, and
    // the cap on concurrent hashing, as for login and signing.
    if (!(await this.credentials.confirm(username, currentPassword))) {
      this.log.warn('password-change-wrong-password', { user: username });
      fail(403, 'Das bisherige Passwort ist nicht richtig.', 'wrong current password on password change');
    }
    const problem = passwordProblem(newPassword, username);
    if (problem) fail(400, problem, `weak new password for ${username}`);
    if (await verifyPassword(newPassword, user.passwordHash)) {
      fail(400, 'Das neue Passwort muss sich vom bisherigen unterscheiden.', `${username} chose the same password again`);
    }
    const updated = await this.write(username, {
      password: { hash: await hashPassword(newPassword), mustChange: false },
      endSessions: { except: session.tokenHash },
      events: [{ actor: username, target: username, kind: 'password-changed' }],
    });
    await this.endConnections(username, session.tokenHash);
    this.log.info('password-changed', { user: username, wasOneTime: user.mustChangePassword });
    return currentUserFromRecord(updated);
  }

  async changeEmail(session: AuthenticatedSession, email: string | null): Promise<CurrentUser> {
    const { username } = session.user;
    const user = await this.own(username);
    if (user.email === email) return currentUserFromRecord(user);
    const changes = [{ field: 'email' as const, from: user.email, to: email }];
    const updated = await this.write(username, { fields: { email }, events: [{ actor: username, target: username, kind: 'email-changed', changes }] });
    this.log.info('email-changed', { user: username });
    return currentUserFromRecord(updated);
  }

  private async own(username: string): Promise<StoredUser> {
    const user = await this.store.getUser(username);
    if (!user?.active) fail(401, 'Bitte melden Sie sich an.', `account ${username} gone or inactive`);
    return user;
  }

  private async write(username: string, change: Omit<UserChange, 'at'>): Promise<StoredUser> {
    const outcome = await this.store.users.update(username, { ...change, at: this.now() });
    if (!outcome.ok) fail(401, 'Bitte melden Sie sich an.', `account ${username} could not be updated: ${outcome.reason}`);
    return outcome.user;
  }
}
