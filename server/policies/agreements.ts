import { can as canDo, roleAllows, type AgreementScope } from '../../shared/permissions.js';
import type { SessionUser } from '../../shared/api.js';

/**
 * Who may read and write an agreement, for the routes, the websocket handshake and the update
 * check. The rules themselves live in shared/permissions.ts, where the client reads them too.
 */
export type { AgreementScope } from '../../shared/permissions.js';

export type AgreementAction = 'read' | 'editBody' | 'editAmount';

export function can(user: SessionUser, action: AgreementAction, agreement: AgreementScope): boolean {
  return canDo(user, action, agreement);
}

/** The role part of `editBody`, independent of the status (to tell "never" from "not now"). */
export function roleMayEditBody(user: SessionUser, districtId: string): boolean {
  return roleAllows(user, 'editBody', districtId);
}
