import { agreementTitle } from '../../shared/agreementTitle.js';
import * as Y from 'yjs';
import type { AgreementSummary, SessionUser, SigningParty } from '../../shared/api.js';
import type { FieldsPatch } from '../../shared/schemas/fields.js';
import { renderAgreementText } from '../../shared/agreementText.js';
import { findDistrict } from '../../shared/districts.js';
import { validateAmountCents, type AgreementFields } from '../../shared/fields.js';
import { ROOT } from '../../shared/protocol.js';
import { signedParties } from '../../shared/signedBlocks.js';
import { getTemplate } from '../../shared/template/index.js';
import { writeFields, readProjectList, seedAgreementDoc } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/peer.js';
import type { AgreementSeed } from '../demo/agreements.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { can } from '../policies/agreements.js';
import type { Notifier } from '../notifications/notifier.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { AgreementRecord, Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';

export function agreementId(districtId: string, year: number): string {
  return `aqb-${year}-${districtId}`;
}

function districtName(record: AgreementRecord): string {
  return findDistrict(record.districtId)?.name ?? record.districtId;
}

export function summary(record: AgreementRecord, deadline: string | null = null): AgreementSummary {
  return {
    id: record.id,
    districtId: record.districtId,
    districtName: districtName(record),
    year: record.year,
    status: record.status,
    title: agreementTitle(record.year, record.fields.partner),
    deadline,
  };
}

/**
 * The domain commands on agreements. Each authorises with the policies, records in the store and
 * writes into the live document under the server's origin, so every open editor sees it at once.
 */
export class AgreementService {
  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry<AgreementPeer>,
    private readonly log: Logger,
    /** A changed §4 amount becomes a notification, recorded with the fields (server/notifications/). */
    private readonly notifier: Notifier | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The deadline of each year's round (ISO date), from the round records. */
  async deadlines(): Promise<ReadonlyMap<number, string>> {
    return new Map((await this.store.rounds.listRounds()).map((round) => [round.year, round.deadline]));
  }


  /** Newest year first, with the deadline of the agreement's round. */
  async list(user: SessionUser): Promise<AgreementSummary[]> {
    const [all, deadlines] = await Promise.all([this.store.listAgreements(), this.deadlines()]);
    return all.filter((record) => can(user, 'read', record)).map((record) => summary(record, deadlines.get(record.year) ?? null));
  }

  /** The agreement, if the user may read it; 404 and 403 otherwise (in German). */
  async readable(user: SessionUser, id: string): Promise<AgreementRecord> {
    const record = await this.store.getAgreement(id);
    if (!record) fail(404, 'Diese Vereinbarung gibt es nicht.', `agreement ${id} not found`);
    if (!can(user, 'read', record)) fail(403, 'Sie haben keinen Zugriff auf diese Vereinbarung.', `${user.username} may not read ${id}`);
    return record;
  }

  /** The agreement as plain text, as it would be printed (and as a signature's hash will cover). */
  async text(user: SessionUser, id: string): Promise<string> {
    const record = await this.readable(user, id);
    return this.rooms.use(id, (room) => {
      const recorded = [...room.doc.getMap<unknown>(ROOT.signatures).keys()].filter((key): key is SigningParty => key === 'ministry' || key === 'district');
      return renderAgreementText(getTemplate(record.templateVersion), record.fields, readProjectList(room.doc), signedParties(record.status, recorded));
    });
  }

  async setFields(user: SessionUser, id: string, patch: FieldsPatch): Promise<void> {
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
    // The amount as the live document holds it when the change is made (a change may have come in since the read above).
    let previousAmount: unknown = record.fields.amountCents;
    await this.rooms.use(id, (room) => {
      const at = this.now();
      return room.submitServerChange(
        (doc) => {
          // Checked again on the live state: a release may have been queued since the read above.
          if (doc.getMap(ROOT.agreement).get('status') !== 'draft') fail(409, 'Die Vereinbarung ist zur Zeichnung freigegeben; ihre Felder können nicht mehr geändert werden.', `fields of ${id} after release`);
          previousAmount = doc.getMap(ROOT.fields).get('amountCents') ?? previousAmount;
          writeFields(doc, next);
        },
        async (update) => {
          notifications = amountChanged && this.notifier ? await this.notifier.draft(record, user, { kind: 'amount-changed', amountCents: next.amountCents }, at) : [];
          // The history event (issue 12): from → to, who, when; the other party sees it as a notice.
          const event = amountChanged
            ? { kind: 'fields-changed' as const, actor: user.username, at, data: { field: 'amountCents', from: String(previousAmount), to: String(next.amountCents) } }
            : undefined;
          await this.store.setFields(id, next, update, { username: user.username, via: 'server' }, at, notifications, event);
        },
      );
    });
    this.notifier?.committed(notifications);
    this.log.info('fields-set', { agreement: id, user: user.username, fields: Object.keys(patch) });
  }

  /** Creates an agreement and seeds its document, once, on the server. */
  async create(seed: AgreementSeed, actor: string): Promise<string> {
    const { record, initialUpdate } = this.prepare(seed, this.now());
    await this.store.createAgreement(record, initialUpdate, { username: actor, via: 'server' });
    return record.id;
  }

  /**
   * The record and the first document update of a new agreement, not yet stored: a round stores
   * many of them in one transaction (server/commands/rounds.ts).
   */
  prepare(seed: AgreementSeed, at: number): { record: AgreementRecord; initialUpdate: Uint8Array } {
    const id = agreementId(seed.districtId, seed.year);
    const doc = seedAgreementDoc(seed.fields, seed.projects, 'draft');
    try {
      const record: AgreementRecord = { id, districtId: seed.districtId, year: seed.year, templateVersion: seed.templateVersion, status: 'draft', fields: seed.fields, createdAt: at, updatedAt: at };
      return { record, initialUpdate: Y.encodeStateAsUpdate(doc) };
    } finally {
      doc.destroy();
    }
  }
}
