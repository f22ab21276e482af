import { CLOSE, ROOT } from '../../shared/protocol.js';
import { can, roleMayEditBody } from '../policies/agreements.js';
import type { SyncExtension } from '../sync/extensions.js';
import type { CheckContext, Rejection } from '../sync/types.js';
import { checkBodyTransaction } from './bodyGuard.js';
import type { AgreementPeer } from './peer.js';

/**
 * The lock rules of an agreement's document: who may write at all, and what an update may change
 * (only the §5 project list, only while a draft). Checked on the shadow copy before anything is
 * stored (server/documents/bodyGuard.ts does the reading).
 */
export class LockRulesExtension implements SyncExtension<AgreementPeer> {
  readonly name = 'lock-rules';

  constructor(private readonly now: () => number = Date.now) {}

  /** A role that never edits the body (viewer, signatory) is a reader whatever the status. */
  readOnly(peer: AgreementPeer): Rejection | null {
    return roleMayEditBody(peer.user, peer.districtId) ? null : { code: CLOSE.forbiddenUpdate, reason: `role ${peer.user.role} may not edit` };
  }

  checkUpdate({ peer, transaction, shadow, documentName }: CheckContext<AgreementPeer>): Rejection | null {
    if (peer.sessionExpiresAt <= this.now()) return { code: CLOSE.unauthenticated, reason: 'session expired' };
    if (!roleMayEditBody(peer.user, peer.districtId)) return { code: CLOSE.forbiddenUpdate, reason: `role ${peer.user.role} may not edit` };
    // The lock rules first: the shadow already holds this update, so the status read below is
    // the agreement's own only once we know the update did not write it. (Checked the other
    // way round, a client that writes `status` got 4409 "not editable" instead of 4403.)
    const problem = checkBodyTransaction(transaction, shadow);
    if (problem) return { code: CLOSE.forbiddenUpdate, reason: problem };
    const status = shadow.getMap(ROOT.agreement).get('status');
    if (status !== 'draft') return { code: CLOSE.notEditable, reason: `agreement ${documentName} is ${String(status)}` };
    if (!can(peer.user, 'editBody', { districtId: peer.districtId, status })) return { code: CLOSE.forbiddenUpdate, reason: 'no edit right on this agreement' };
    return null;
  }
}
