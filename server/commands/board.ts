import type { AgreementStatus, SessionUser, SigningParty } from '../../shared/api.js';
import { findDistrict } from '../../shared/districts.js';
import { districtLabel } from '../../shared/rounds/validate.js';
import type { Board, BoardRow } from '../../shared/rounds/types.js';
import { berlinIsoDate } from '../../shared/format.js';
import { readProjectList } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/peer.js';
import type { RoundStore, SignoffStore } from '../store/types.js';
import type { AgreementRecord, Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { RoundService } from './rounds.js';

export interface BoardDeps {
  store: Store;
  roundStore: RoundStore;
  roundService: RoundService;
  signoff: SignoffStore;
  rooms: RoomRegistry<AgreementPeer>;
  openThreads: (agreementId: string) => Promise<number>;
  now?: () => number;
}

/** Overdue: the deadline day (Europe/Berlin) is over and the agreement is not final. */
export function isOverdue(deadline: string, status: AgreementStatus, now: number): boolean {
  return status !== 'final' && berlinIsoDate(now) > deadline;
}

/**
 * The ministry's status board of a round (issue 10): one row per agreement, with figures read
 * from the records, never from a client: status and amount from the agreement, projects from
 * the server's document, open threads from the comments, last activity from the update log,
 * signatures from the current release.
 */
export class BoardService {
  private readonly now: () => number;

  constructor(private readonly deps: BoardDeps) {
    this.now = deps.now ?? Date.now;
  }

  async board(user: SessionUser, year: number): Promise<Board> {
    this.deps.roundService.authorize(user, 'steer');
    const round = await this.deps.roundService.round(year);
    const records = (await this.deps.store.listAgreements()).filter((record) => record.year === year);
    const activity = await this.deps.roundStore.lastActivity(records.map((record) => record.id));
    const rows = await Promise.all(records.map((record) => this.row(record, round.deadline, activity.get(record.id))));
    rows.sort((a, b) => a.districtName.localeCompare(b.districtName, 'de'));
    const byStatus: Record<AgreementStatus, number> = { draft: 0, released: 0, 'partially-signed': 0, final: 0 };
    for (const row of rows) byStatus[row.status]++;
    return {
      year,
      deadline: round.deadline,
      ...(round.note ? { note: round.note } : {}),
      totals: { amountCents: rows.reduce((sum, row) => sum + row.amountCents, 0), agreements: rows.length, byStatus },
      rows,
    };
  }

  /** The current row of one agreement, with its round's year; null when it belongs to no round. */
  async rowOf(agreementId: string): Promise<{ year: number; districtId: string; row: BoardRow } | null> {
    const record = await this.deps.store.getAgreement(agreementId);
    const round = record && (await this.deps.roundStore.getRound(record.year));
    if (!record || !round) return null;
    const activity = await this.deps.roundStore.lastActivity([record.id]);
    return { year: record.year, districtId: record.districtId, row: await this.row(record, round.deadline, activity.get(record.id)) };
  }

  private async row(record: AgreementRecord, deadline: string, activity: { at: number; displayName: string } | undefined): Promise<BoardRow> {
    const district = findDistrict(record.districtId);
    const [projects, openThreads, signed] = await Promise.all([this.projectCount(record.id), this.deps.openThreads(record.id), this.signedParties(record)]);
    return {
      agreementId: record.id,
      districtId: record.districtId,
      districtName: district ? districtLabel(district) : record.districtId,
      regierungsbezirk: district?.regierungsbezirk ?? 'Darmstadt',
      status: record.status,
      amountCents: record.fields.amountCents,
      projects,
      openThreads,
      lastActivityAt: activity?.at ?? null,
      lastActivityBy: activity?.displayName ?? null,
      signed: { ministry: signed.includes('ministry'), district: signed.includes('district') },
      overdue: isOverdue(deadline, record.status, this.now()),
    };
  }

  /** Entries with a title, as the release counts them. */
  private async projectCount(id: string): Promise<number> {
    return this.deps.rooms.use(id, (room) => readProjectList(room.doc).reduce((n, group) => n + group.entries.filter((entry) => entry.title.trim() !== '').length, 0));
  }

  private async signedParties(record: AgreementRecord): Promise<SigningParty[]> {
    if (record.status === 'draft') return [];
    const release = await this.deps.signoff.latestRelease(record.id);
    return release ? (await this.deps.signoff.signatures(release.id)).map((signature) => signature.party) : [];
  }
}
