import type { FieldChange, NewUserRequest, UserEvent, UserPatch, UserSummary } from '../../shared/accounts/types.js';
import { partyLabelOf } from '../../shared/accounts/validate.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/passwordPolicy.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { changesRights, decideChange, decideOneTimePassword, isActiveAdmin, LAST_ADMIN_MESSAGE, type UserDecision } from '../policies/users.js';
import type { NewUserEvent, Store, StoredUser, UserChange, UserChangeOutcome } from '../store/types.js';

/** Ends a user's websockets (4401) after their sessions ended; `except` keeps the acting session's. */
export type EndConnections = (username: string, exceptTokenHash: string | null) => Promise<void>;

/** Cursor colours for new users, dark enough for white text on them. */
const COLORS = ['#1d4ed8', '#6d28d9', '#b45309', '#be123c', '#047857', '#0e7490', '#4d7c0f', '#a21caf', '#c2410c', '#334155'];

export function toUserSummary(user: StoredUser): UserSummary {
  const { username, displayName, email, role, districtId, active, mustChangePassword, createdAt, updatedAt } = user;
  return { username, displayName, email, role, districtId, partyLabel: partyLabelOf(districtId), admin: user.admin && districtId === null, active, mustChangePassword, createdAt, updatedAt };
}

function orFail(decision: UserDecision): void {
  if (!decision.ok) fail(decision.status, decision.message, decision.reason);
}

/**
 * The Benutzer page's commands (ministry admins; the route checks that): create, change,
 * deactivate and reactivate accounts and set one-time passwords. Each writes its audit event in
 * the same transaction as the change; a change of rights ends the user's sessions and sockets.
 */
export class UserService {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly endConnections: EndConnections,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<UserSummary[]> {
    return (await this.store.users.list()).map(toUserSummary);
  }

  async get(username: string): Promise<StoredUser> {
    const user = await this.store.getUser(username);
    if (!user) fail(404, 'Diesen Benutzer gibt es nicht.', `unknown user ${username}`);
    return user;
  }

  events(target: string | undefined, limit: number): Promise<UserEvent[]> {
    return this.store.users.events({ target, limit });
  }

  async create(actor: string, request: NewUserRequest): Promise<UserSummary> {
    orFail(decideChange(actor, { ...request, active: true }, { ...request, active: true }, Number.POSITIVE_INFINITY));
    const problem = passwordProblem(request.password, request.username);
    if (problem) fail(400, problem, `weak one-time password for new user ${request.username}`);
    const at = this.now();
    const user: StoredUser = {
      username: request.username,
      displayName: request.displayName,
      email: request.email,
      role: request.role,
      districtId: request.districtId,
      admin: request.admin,
      active: true,
      mustChangePassword: true,
      color: COLORS[[...request.username].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % COLORS.length] ?? '#334155',
      passwordHash: await hashPassword(request.password),
      createdAt: at,
      updatedAt: at,
    };
    const changes: FieldChange[] = (['displayName', 'email', 'role', 'districtId', 'admin'] as const).map((field) => ({ field, from: null, to: user[field] }));
    if (!(await this.store.users.create(user, { actor, target: user.username, kind: 'created', changes }))) {
      fail(409, `Den Benutzernamen „${user.username}“ gibt es schon.`, `username ${user.username} taken`);
    }
    this.log.info('user-created', { actor, user: user.username, role: user.role });
    return toUserSummary(user);
  }

  async update(actor: string, actorToken: string, username: string, patch: UserPatch): Promise<UserSummary> {
    const before = await this.get(username);
    const after = { ...before, ...patch };
    orFail(decideChange(actor, before, after, await this.activeAdmins()));
    const changes = (Object.keys(patch) as (keyof UserPatch)[]).flatMap((field): FieldChange[] => (before[field] === after[field] ? [] : [{ field, from: before[field], to: after[field] }]));
    if (changes.length === 0) return toUserSummary(before);
    const fields = Object.fromEntries(changes.map((change) => [change.field, change.to]));
    return this.apply(actor, actorToken, before, { fields, events: [{ actor, target: username, kind: 'changed', changes }] }, changesRights(before, after));
  }

  async setActive(actor: string, actorToken: string, username: string, active: boolean): Promise<UserSummary> {
    const before = await this.get(username);
    if (before.active === active) return toUserSummary(before);
    orFail(decideChange(actor, before, { ...before, active }, await this.activeAdmins()));
    const event: NewUserEvent = { actor, target: username, kind: active ? 'reactivated' : 'deactivated' };
    return this.apply(actor, actorToken, before, { fields: { active }, events: [event] }, !active);
  }

  async setOneTimePassword(actor: string, actorToken: string, username: string, password: string): Promise<UserSummary> {
    const before = await this.get(username);
    orFail(decideOneTimePassword(actor, before));
    const problem = passwordProblem(password, username);
    if (problem) fail(400, problem, `weak one-time password for ${username}`);
    const change = { password: { hash: await hashPassword(password), mustChange: true }, events: [{ actor, target: username, kind: 'one-time-password-set' as const }] };
    // The old password's sessions end: whoever holds them must log in with the new one.
    return this.apply(actor, actorToken, before, change, true);
  }

  private async apply(actor: string, actorToken: string, before: StoredUser, change: Omit<UserChange, 'at'>, endSessions: boolean): Promise<UserSummary> {
    const except = actor === before.username ? actorToken : null;
    const outcome: UserChangeOutcome = await this.store.users.update(before.username, { ...change, at: this.now(), ...(endSessions ? { endSessions: { except } } : {}) });
    if (!outcome.ok) {
      if (outcome.reason === 'last-admin') fail(409, LAST_ADMIN_MESSAGE, `${before.username} is the last active ministry admin (store)`);
      fail(404, 'Diesen Benutzer gibt es nicht.', `user ${before.username} vanished`);
    }
    if (endSessions) await this.endConnections(before.username, except);
    this.log.info('user-changed', { actor, user: before.username, events: change.events.map((event) => event.kind).join(',') });
    return toUserSummary(outcome.user);
  }

  private async activeAdmins(): Promise<number> {
    return (await this.store.users.list()).filter(isActiveAdmin).length;
  }
}
