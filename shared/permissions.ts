import type { AgreementStatus, SessionUser, SigningParty } from './api.js';

/**
 * Who may do what with an agreement: the one rule vocabulary of vereinbar. The server's policies
 * (server/policies/*) enforce these rules and add what only the server knows (release blockers,
 * a comment's author, the state machine's next status); the client asks the same functions which
 * buttons to offer. Pure functions of the user and the agreement, no I/O.
 *
 * | action       | roles                                        | status                           |
 * | ------------ | -------------------------------------------- | -------------------------------- |
 * | read         | everyone of the ministry or the own district | any                              |
 * | editBody     | ministry-editor, district-editor             | draft                            |
 * | editAmount   | ministry-editor (of the ministry)            | draft                            |
 * | comment      | everyone but viewers                         | draft, released, partially-signed|
 * | release      | ministry-editor (of the ministry)            | draft                            |
 * | reopen       | ministry-editor, district-editor             | released, partially-signed       |
 * | sign         | the signatory of a block not yet signed      | released, partially-signed       |
 * | uploadScan   | everyone but viewers                         | released, partially-signed, final|
 */
export type Action = 'read' | 'editBody' | 'editAmount' | 'comment' | 'release' | 'reopen' | 'sign' | 'uploadScan';

export const ACTIONS: readonly Action[] = ['read', 'editBody', 'editAmount', 'comment', 'release', 'reopen', 'sign', 'uploadScan'];

/** What the rules look at: whose agreement it is, its status, and (for signing) who signed already. */
export interface AgreementScope {
  districtId: string;
  status: AgreementStatus;
  /** The parties whose signature stands in the current release; none when omitted. */
  signed?: readonly SigningParty[];
}

type Actor = Pick<SessionUser, 'role' | 'districtId'>;

/** A district user sees only its own district's agreements; the ministry sees all. */
export function isOwnParty(user: Actor, districtId: string): boolean {
  return user.districtId === null || user.districtId === districtId;
}

const ofMinistry = (user: Actor) => user.districtId === null;

/** The block a user signs: the ministry's signatory the ministry's, a district's signatory only its own district's. */
export function signingPartyOf(user: Actor, districtId: string): SigningParty | null {
  if (user.role === 'ministry-signatory' && ofMinistry(user)) return 'ministry';
  if (user.role === 'district-signatory' && user.districtId === districtId) return 'district';
  return null;
}

/**
 * The role part of `can`, independent of the status: tells "never" (403) from "not now" (409),
 * and lets the client keep a control mounted that the live status shows or hides.
 */
export function roleAllows(user: Actor, action: Action, districtId: string): boolean {
  if (!isOwnParty(user, districtId)) return false;
  switch (action) {
    case 'read':
      return true;
    case 'editBody':
    case 'reopen':
      return user.role === 'ministry-editor' || user.role === 'district-editor';
    case 'editAmount':
    case 'release':
      return user.role === 'ministry-editor' && ofMinistry(user);
    case 'comment':
    case 'uploadScan':
      return user.role !== 'viewer';
    case 'sign':
      return signingPartyOf(user, districtId) !== null;
  }
}

/** The status part of `can`: whether the action is possible now, for someone whose role allows it. */
export function statusAllows(user: Actor, action: Action, agreement: AgreementScope): boolean {
  const { status } = agreement;
  switch (action) {
    case 'read':
      return true;
    case 'editBody':
    case 'editAmount':
    case 'release':
      return status === 'draft';
    // Comments do not change the frozen text: signatories may still ask while they read it.
    case 'comment':
      return status !== 'final';
    case 'reopen':
      return status === 'released' || status === 'partially-signed';
    case 'uploadScan':
      return status !== 'draft';
    case 'sign': {
      if (status !== 'released' && status !== 'partially-signed') return false;
      const party = signingPartyOf(user, agreement.districtId);
      return party !== null && !(agreement.signed ?? []).includes(party);
    }
  }
}

/** Whether `user` may take `action` on `agreement` now. */
export function can(user: Actor, action: Action, agreement: AgreementScope): boolean {
  return roleAllows(user, action, agreement.districtId) && statusAllows(user, action, agreement);
}
