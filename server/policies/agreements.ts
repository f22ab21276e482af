import { roleEditsBody } from '../../shared/roles.js';
import type { AgreementStatus, SessionUser } from '../../shared/api.js';

/**
 * Who may do what with an agreement: pure functions of the user and the agreement, used by the
 * routes, the websocket handshake and the update check alike.
 */
export interface AgreementScope {
  districtId: string;
  status: AgreementStatus;
}

export type AgreementAction = 'read' | 'editBody' | 'editAmount';

export function can(user: SessionUser, action: AgreementAction, agreement: AgreementScope): boolean {
  // A district user sees only its own district's agreements; the ministry sees all.
  const ownParty = user.districtId === null || user.districtId === agreement.districtId;
  if (!ownParty) return false;
  switch (action) {
    case 'read':
      return true;
    case 'editBody':
      return (user.role === 'ministry-editor' || user.role === 'district-editor') && agreement.status === 'draft';
    case 'editAmount':
      return user.role === 'ministry-editor' && user.districtId === null && agreement.status === 'draft';
  }
}

/** The role part of `editBody`, independent of the status (to tell "never" from "not now"). */
export function roleMayEditBody(user: SessionUser): boolean {
  return roleEditsBody(user.role);
}
