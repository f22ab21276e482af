import { agreementTitle } from '../../shared/agreementTitle.js';
import * as Y from 'yjs';
import type { AgreementDetail, AgreementSummary, SessionUser } from '../../shared/api.js';
import type { FieldsPatch } from '../../shared/schemas/fields.js';
import { renderAgreementText } from '../../shared/agreementText.js';
import { findDistrict } from '../../shared/districts.js';
import { validateAmountCents, type AgreementFields } from '../../shared/fields.js';
import { ROOT } from '../../shared/protocol.js';
import { getTemplate } from '../../shared/template/index.js';
import { writeFields, readProjectList, seedAgreementDoc } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/hooks.js';
import type { AgreementSeed } from '../demo/agreements.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { can } from '../policies/agreements.js';
import type { Notifier } from '../notifications/notifier.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { AgreementRecord, Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { SignoffView } from './signoff.js';

const NO_SIGNOFF: SignoffView = {
  signatures: [],
  release: null,
  scans: [],
  permissions: { release: false, reopen: false, sign: false, uploadScan: false },
};

export function agreementId(districtId: string, year: number): string {
  return `aqb-${year}-${districtId}`;
}

function districtName(record: AgreementRecord): string {
  return findDistrict(record.districtId)?.name ?? record.districtId;
}

function summary(record: AgreementRecord): AgreementSummary {
  return {
    id: record.id,
    districtId: record.districtId,
    districtName: districtName(record),
    year: record.year,
    status: record.status,
    title: agreementTitle(record.year, record.fields.partner),
  };
}

/**
 * The domain commands on agreements. Each authorises with the policies, records in the store and
 * writes into the live document under the server's origin, so every open editor sees it at once.
 */
export class AgreementService {
  /** The sign-off part of the detail; server/commands/signoff.ts plugs itself in (see createApp). */
  private describeSignoff: (user: SessionUser, record: AgreementRecord) => Promise<SignoffView> = async () => NO_SIGNOFF;

  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry<AgreementPeer>,
    private readonly log: Logger,
    private readonly noteWrites: (agreementId: string, count: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  useSignoff(describe: (user: SessionUser, record: AgreementRecord) => Promise<SignoffView>) {
    this.describeSignoff = describe;
  }

  /** How many comment threads are open; server/commands/comments.ts plugs itself in (see createApp). */
  private countOpenThreads: (agreementId: string) => Promise<number> = async () => 0;
  private notifier: Notifier | null = null;

  /** A changed §4 amount becomes a notification, recorded with the fields (server/notifications/). */
  useNotifier(notifier: Notifier) {
    this.notifier = notifier;
  }

  useOpenThreadCount(count: (agreementId: string) => Promise<number>) {
    this.countOpenThreads = count;
  }

  async list(user: SessionUser): Promise<AgreementSummary[]> {
    const all = await this.store.listAgreements();
    return all.filter((record) => can(user, 'read', record)).map(summary);
  }

  /** The agreement, if the user may read it; 404 and 403 otherwise (in German). */
  async readable(user: SessionUser, id: string): Promise<AgreementRecord> {
    const record = await this.store.getAgreement(id);
    if (!record) fail(404, 'Diese Vereinbarung gibt es nicht.', `agreement ${id} not found`);
    if (!can(user, 'read', record)) fail(403, 'Sie haben keinen Zugriff auf diese Vereinbarung.', `${user.username} may not read ${id}`);
    return record;
  }

  async detail(user: SessionUser, id: string): Promise<AgreementDetail> {
    const record = await this.readable(user, id);
    const signoff = await this.describeSignoff(user, record);
    return {
      ...summary(record),
      templateVersion: record.templateVersion,
      fields: record.fields,
      signatures: signoff.signatures,
      release: signoff.release,
      scans: signoff.scans,
      permissions: { editBody: can(user, 'editBody', record), editAmount: can(user, 'editAmount', record), ...signoff.permissions },
      openThreads: await this.countOpenThreads(record.id),
      updatedAt: record.updatedAt,
    };
  }

  /** The agreement as plain text, as it would be printed (and as a signature's hash will cover). */
  async text(user: SessionUser, id: string): Promise<string> {
    const record = await this.readable(user, id);
    const room = await this.rooms.get(id);
    try {
      return renderAgreementText(getTemplate(record.templateVersion), record.fields, readProjectList(room.doc));
    } finally {
      this.rooms.release(room);
    }
  }

  async setFields(user: SessionUser, id: string, patch: FieldsPatch): Promise<AgreementDetail> {
    const record = await this.readable(user, id);
    if (record.status !== 'draft') fail(409, 'Die Vereinbarung ist zur Zeichnung freigegeben; ihre Felder können nicht mehr geändert werden.', `fields of ${id} while ${record.status}`);
    const next: AgreementFields = { ...record.fields };
    if (patch.amountCents !== undefined) {
      if (!can(user, 'editAmount', record)) fail(403, 'Nur das Referat des Ministeriums kann den Betrag in § 4 ändern.', `${user.username} may not set the amount of ${id}`);
      const problem = validateAmountCents(patch.amountCents);
      if (problem) fail(400, problem, `invalid amount ${String(patch.amountCents)}`);
      next.amountCents = patch.amountCents;
    }
    const amountChanged = patch.amountCents !== undefined && patch.amountCents !== record.fields.amountCents;
    let notifications: NotificationDraft[] = [];
    const room = await this.rooms.get(id);
    try {
      const at = this.now();
      await room.submitServerChange(
        (doc) => {
          // Checked again on the live state: a release may have been queued since the read above.
          if (doc.getMap(ROOT.agreement).get('status') !== 'draft') fail(409, 'Die Vereinbarung ist zur Zeichnung freigegeben; ihre Felder können nicht mehr geändert werden.', `fields of ${id} after release`);
          writeFields(doc, next);
        },
        async (update) => {
          notifications = amountChanged && this.notifier ? await this.notifier.draft(record, user, { kind: 'amount-changed', amountCents: next.amountCents }, at) : [];
          await this.store.setFields(id, next, update, { username: user.username, via: 'server' }, at, notifications);
          this.noteWrites(id, 1);
        },
      );
      this.notifier?.committed(notifications);
    } finally {
      this.rooms.release(room);
    }
    this.log.info('fields-set', { agreement: id, user: user.username, fields: Object.keys(patch) });
    return this.detail(user, id);
  }

  /** Creates an agreement and seeds its document, once, on the server. */
  async create(seed: AgreementSeed, actor: string): Promise<string> {
    const id = agreementId(seed.districtId, seed.year);
    const doc = seedAgreementDoc(seed.fields, seed.projects, 'draft');
    const at = this.now();
    await this.store.createAgreement(
      { id, districtId: seed.districtId, year: seed.year, templateVersion: seed.templateVersion, status: 'draft', fields: seed.fields, createdAt: at, updatedAt: at },
      Y.encodeStateAsUpdate(doc),
      { username: actor, via: 'server' },
    );
    doc.destroy();
    return id;
  }
}
