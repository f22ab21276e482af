import type { AgreementStatus, SessionUser } from '../../shared/api.js';
import { DISTRICTS, findDistrict, grantingAuthorityOf, partnerFormsOf } from '../../shared/districts.js';
import type { SignatoryBlock } from '../../shared/fields.js';
import { checkAddRoundAgreements, checkCreateRound, districtLabel, yearProblem, type Checked } from '../../shared/rounds/validate.js';
import type { CreateRoundRequest, CreateRoundResponse, DistrictInfo, RoundAgreementInput, RoundPrefill, RoundSummary, SignatoryInput } from '../../shared/rounds/types.js';
import type { AgreementPeer } from '../documents/peer.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notifications/notifier.js';
import { decideRound, type RoundAction } from '../policies/rounds.js';
import { AgreementExists, RoundExists } from '../store/rounds.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { NewAgreement, RoundRecord, RoundStore } from '../store/types.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { AgreementService } from './agreements.js';
import { carryOver, previousProjectList } from './carryOver.js';

export interface RoundDeps {
  store: Store;
  rounds: RoundStore;
  agreements: AgreementService;
  rooms: RoomRegistry<AgreementPeer>;
  log: Logger;
  /** Told about every agreement a round created (the board's event stream). */
  onCreated?: (agreementIds: string[]) => void;
  /** The district users of each agreement a round creates hear of it (`round-started`, server/notifications/). */
  notifier?: Notifier;
  now?: () => number;
}

const unsigned = (signatory: SignatoryInput): SignatoryBlock => ({ place: signatory.place, date: '', signatureMark: '', name: signatory.name, functionLines: signatory.functionLines });
const asInput = (block: SignatoryBlock): SignatoryInput => ({ name: block.name, functionLines: block.functionLines, place: block.place });

export function parseYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  const problem = yearProblem(year);
  if (problem) fail(400, problem, `invalid year in path: ${raw}`);
  return year;
}

function checked<T>(result: Checked<T>): T {
  if (!result.ok) fail(400, result.message, `invalid round request at ${result.field}`);
  return result.value;
}

/**
 * The yearly round (issue 10): the ministry's editor creates a year's agreements in one step. One
 * SQLite transaction holds the round and every agreement with its seeded document: all or none.
 * Whether a district already has its agreement for the year is decided by the store's unique
 * index at the insert, never by a check before it, so two concurrent requests cannot both win.
 */
export class RoundService {
  private readonly now: () => number;
  private readonly notifier: Notifier | null;

  constructor(private readonly deps: RoundDeps) {
    this.now = deps.now ?? Date.now;
    this.notifier = deps.notifier ?? null;
  }

  authorize(user: SessionUser, action: RoundAction): void {
    const decision = decideRound(user, action);
    if (!decision.ok) fail(403, decision.message, decision.reason);
  }

  districts(user: SessionUser): DistrictInfo[] {
    this.authorize(user, 'steer');
    return DISTRICTS.map(({ id, name, kind, regierungsbezirk, seat }) => ({ id, name, kind, regierungsbezirk, seat }));
  }

  async list(user: SessionUser): Promise<RoundSummary[]> {
    this.authorize(user, 'steer');
    const [rounds, agreements] = await Promise.all([this.deps.rounds.listRounds(), this.deps.store.listAgreements()]);
    return rounds.map((round) => {
      const byStatus: Record<AgreementStatus, number> = { draft: 0, released: 0, 'partially-signed': 0, final: 0 };
      const ofYear = agreements.filter((agreement) => agreement.year === round.year);
      for (const agreement of ofYear) byStatus[agreement.status]++;
      return { ...round, agreements: ofYear.length, byStatus };
    });
  }

  /** The round of a year, or 404. */
  async round(year: number): Promise<RoundRecord> {
    const round = await this.deps.rounds.getRound(year);
    if (!round) fail(404, `Die Runde ${year} gibt es nicht.`, `round ${year} not found`);
    return round;
  }

  /** Signatories and amounts of the previous year, for the „Neue Runde" form. */
  async prefill(user: SessionUser, year: number): Promise<RoundPrefill> {
    this.authorize(user, 'steer');
    const previous = (await this.deps.store.listAgreements()).filter((agreement) => agreement.year === year - 1);
    const previousRound = await this.deps.rounds.getRound(year - 1);
    const ministry = previousRound?.ministrySignatory ?? (previous[0] ? asInput(previous[0].fields.ministrySignatory) : null);
    return {
      year,
      ministrySignatory: ministry,
      districts: DISTRICTS.map((district) => {
        const agreement = previous.find((candidate) => candidate.districtId === district.id);
        return {
          districtId: district.id,
          signatory: agreement ? asInput(agreement.fields.districtSignatory) : null,
          previousAmountCents: agreement ? agreement.fields.amountCents : null,
        };
      }),
    };
  }

  async create(user: SessionUser, body: unknown): Promise<CreateRoundResponse> {
    this.authorize(user, 'create');
    return this.open(user.username, checked(checkCreateRound(body, await this.deps.agreements.templates.published())), '', user);
  }

  /**
   * Creates a checked round for `actor`, all or none, without notifications: the demo seed on an
   * empty store (with a note the board shows, e.g. that amounts are demo values). Its rounds are
   * the demo's starting state, not news to anyone, and the bell starts empty.
   */
  async start(actor: string, request: CreateRoundRequest, note = ''): Promise<CreateRoundResponse> {
    return this.open(actor, request, note, null);
  }

  /** The round of `request`; `notifying` is the person who started it, null for no notifications. */
  private async open(actor: string, request: CreateRoundRequest, note: string, notifying: SessionUser | null): Promise<CreateRoundResponse> {
    // Checked again for the server's own rounds (the demo seed): a round pins a published version only.
    if (!(await this.deps.agreements.templates.find(request.templateVersion))) {
      fail(400, `Vorlage: Unbekannte Vorlagenversion „${request.templateVersion}".`, `round with unpublished template ${request.templateVersion}`);
    }
    const round: RoundRecord = {
      year: request.year,
      templateVersion: request.templateVersion,
      deadline: request.deadline,
      carryOver: request.carryOver,
      ministrySignatory: request.ministrySignatory,
      createdAt: this.now(),
      createdBy: actor,
      note,
    };
    return this.insert(actor, round, true, request.agreements, notifying);
  }

  async addAgreements(user: SessionUser, year: number, body: unknown): Promise<CreateRoundResponse> {
    this.authorize(user, 'create');
    const request = checked(checkAddRoundAgreements(body));
    return this.insert(user.username, await this.round(year), false, request.agreements, user);
  }

  private async insert(actor: string, round: RoundRecord, isNew: boolean, items: RoundAgreementInput[], notifying: SessionUser | null): Promise<CreateRoundResponse> {
    const at = this.now();
    const prepared: NewAgreement[] = [];
    for (const item of items) prepared.push(this.deps.agreements.prepare(await this.seedOf(round, item), at));
    // Drafted before the transaction (the notifier reads users and settings), written inside it.
    const notifications: NotificationDraft[] = [];
    if (notifying && this.notifier) {
      for (const { record } of prepared) notifications.push(...(await this.notifier.draft(record, notifying, { kind: 'round-started' }, at)));
    }
    try {
      await this.deps.rounds.createRound(isNew ? round : null, prepared, { username: actor, via: 'server' }, notifications);
    } catch (error: unknown) {
      if (error instanceof AgreementExists) {
        const district = findDistrict(error.districtId);
        const name = district ? districtLabel(district) : error.districtId;
        fail(409, `Für ${name} gibt es für ${error.year} schon eine Zielvereinbarung.`, error.message);
      }
      if (error instanceof RoundExists) {
        fail(409, `Die Runde ${error.year} gibt es schon. Weitere Kreise und Städte fügen Sie der bestehenden Runde hinzu.`, error.message);
      }
      throw error;
    }
    const ids = prepared.map(({ record }) => ({ id: record.id, districtId: record.districtId }));
    this.deps.log.info(isNew ? 'round-created' : 'round-extended', { year: round.year, user: actor, agreements: ids.length, carryOver: round.carryOver });
    this.notifier?.committed(notifications);
    this.deps.onCreated?.(ids.map(({ id }) => id));
    return { year: round.year, agreements: ids };
  }

  private async seedOf(round: RoundRecord, item: RoundAgreementInput) {
    const district = findDistrict(item.districtId);
    if (!district) fail(400, `Unbekannter Kreis bzw. unbekannte Stadt „${item.districtId}".`, `unknown district ${item.districtId}`);
    const previous = round.carryOver === 'previous' ? await previousProjectList(this.deps.store, this.deps.rooms, district.id, round.year) : null;
    return {
      districtId: district.id,
      year: round.year,
      templateVersion: round.templateVersion,
      fields: {
        year: round.year,
        amountCents: item.amountCents,
        grantingAuthority: grantingAuthorityOf(district),
        partner: partnerFormsOf(district),
        ministrySignatory: unsigned(round.ministrySignatory),
        districtSignatory: unsigned(item.signatory),
      },
      projects: previous ? carryOver(previous.projects) : [],
    };
  }
}
