import type { AgreementDetail, SessionUser } from '../../shared/api.js';
import { can } from '../policies/agreements.js';
import type { AgreementRecord } from '../store/types.js';
import { summary, type AgreementService } from './agreements.js';
import type { SignoffView } from './signoff.js';

export interface AgreementDetailDeps {
  agreements: AgreementService;
  /** The sign-off part: signatures, release, scans and what the user may do next. */
  signoff: (user: SessionUser, record: AgreementRecord) => Promise<SignoffView>;
  /** Open comment threads, which block a release. */
  openThreadCount: (agreementId: string) => Promise<number>;
}

/**
 * GET /api/agreements/:id: the agreement as its page shows it, put together from the services
 * that each own a part. Built here, outside them, so that the agreement and sign-off commands
 * need not know each other.
 */
export class AgreementDetails {
  constructor(private readonly deps: AgreementDetailDeps) {}

  async detail(user: SessionUser, id: string): Promise<AgreementDetail> {
    const record = await this.deps.agreements.readable(user, id);
    const [signoff, openThreads, deadlines] = await Promise.all([this.deps.signoff(user, record), this.deps.openThreadCount(record.id), this.deps.agreements.deadlines()]);
    return {
      ...summary(record, deadlines.get(record.year) ?? null),
      templateVersion: record.templateVersion,
      fields: record.fields,
      signatures: signoff.signatures,
      release: signoff.release,
      scans: signoff.scans,
      permissions: { editBody: can(user, 'editBody', record), editAmount: can(user, 'editAmount', record), ...signoff.permissions },
      openThreads,
      updatedAt: record.updatedAt,
    };
  }
}
