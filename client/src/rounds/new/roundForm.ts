import { DISTRICTS } from '../../../../shared/districts.js';
import type { AllocationRow } from '../../../../shared/rounds/allocationCsv.js';
import { formatAmount } from '../money.js';
import { parseEuro } from '../../../../shared/format.js';
import { checkAddRoundAgreements, checkCreateRound, districtLabel } from '../../../../shared/rounds/validate.js';
import type { AddRoundAgreementsRequest, CarryOver, CreateRoundRequest, RoundAgreementInput, RoundPrefill, SignatoryInput } from '../../../../shared/rounds/types.js';
import { CURRENT_TEMPLATE_VERSION } from '../../../../shared/template/index.js';

/** The „Neue Runde" form as typed: strings, so that a half-typed amount is kept as it is. */
export interface SignatoryDraft {
  name: string;
  /** One function line per text line. */
  functionLines: string;
  place: string;
}

export interface PartnerDraft {
  districtId: string;
  /** As typed or imported; empty = this partner is not part of the round (it can be added later). */
  amount: string;
  signatory: SignatoryDraft;
  previousAmountCents: number | null;
}

export interface RoundDraft {
  year: string;
  templateVersion: string;
  deadline: string;
  carryOver: CarryOver;
  ministry: SignatoryDraft;
  partners: PartnerDraft[];
}

const emptySignatory = (place = ''): SignatoryDraft => ({ name: '', functionLines: '', place });

export function initialDraft(year: number): RoundDraft {
  return {
    year: String(year),
    templateVersion: CURRENT_TEMPLATE_VERSION,
    deadline: '',
    carryOver: 'previous',
    ministry: emptySignatory('Wiesbaden'),
    partners: DISTRICTS.map((district) => ({ districtId: district.id, amount: '', signatory: emptySignatory(district.seat), previousAmountCents: null })),
  };
}

/**
 * The year a new round is proposed for: the one after the newest round (after the 2025 round, 2026
 * even late in 2026, when that round is still missing), else next calendar year.
 */
export function proposedRoundYear(roundYears: readonly number[], now = new Date()): number {
  return roundYears.length > 0 ? Math.max(...roundYears) + 1 : now.getFullYear() + 1;
}

const fromInput = (signatory: SignatoryInput): SignatoryDraft => ({ name: signatory.name, functionLines: signatory.functionLines.join('\n'), place: signatory.place });
const untouched = (draft: SignatoryDraft) => draft.name.trim() === '' && draft.functionLines.trim() === '';

/** Fills in last year's signatories where the form holds none yet; never overwrites what was typed. */
export function applyPrefill(draft: RoundDraft, prefill: RoundPrefill): RoundDraft {
  const byDistrict = new Map(prefill.districts.map((entry) => [entry.districtId, entry]));
  return {
    ...draft,
    ministry: prefill.ministrySignatory && untouched(draft.ministry) ? fromInput(prefill.ministrySignatory) : draft.ministry,
    partners: draft.partners.map((partner) => {
      const previous = byDistrict.get(partner.districtId);
      if (!previous) return { ...partner, previousAmountCents: null };
      return {
        ...partner,
        previousAmountCents: previous.previousAmountCents,
        signatory: previous.signatory && untouched(partner.signatory) ? fromInput(previous.signatory) : partner.signatory,
      };
    }),
  };
}

const toSignatory = (draft: SignatoryDraft): SignatoryInput => ({
  name: draft.name,
  functionLines: draft.functionLines.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
  place: draft.place,
});

export type Prepared =
  | { ok: true; request: CreateRoundRequest; left: string[] }
  | { ok: false; message: string; /** id of the input to focus */ inputId: string };

/** The id of the form control a field path of shared/rounds/validate.ts points at. */
function inputIdOf(field: string, included: PartnerDraft[]): string {
  const item = /^agreements\.(\d+)(?:\.(\w+))?(?:\.(\w+))?/.exec(field);
  if (item) {
    const partner = included[Number(item[1])];
    const part = item[2] === 'signatory' ? (item[3] ?? 'name') : 'amount';
    return partner ? `partner-${partner.districtId}-${part}` : 'round-partners';
  }
  if (field.startsWith('ministrySignatory')) return `ministry-${field.split('.')[1] ?? 'name'}`;
  return `round-${field || 'year'}`;
}

/** An amount that is not one stops the form before the server's rules are asked. */
function unreadableAmount(included: PartnerDraft[]): { ok: false; message: string; inputId: string } | null {
  for (const partner of included) {
    if (parseEuro(partner.amount) !== null) continue;
    const district = DISTRICTS.find((d) => d.id === partner.districtId);
    const label = district ? districtLabel(district) : partner.districtId;
    return { ok: false, message: `${label}, Betrag: „${partner.amount}“ ist kein Betrag in Euro (Beispiel: 462.800,00).`, inputId: `partner-${partner.districtId}-amount` };
  }
  return null;
}

const toAgreements = (included: PartnerDraft[]): RoundAgreementInput[] =>
  included.map((partner) => ({ districtId: partner.districtId, amountCents: parseEuro(partner.amount) ?? 0, signatory: toSignatory(partner.signatory) }));

const leftOut = (partners: PartnerDraft[]) =>
  partners
    .filter((partner) => partner.amount.trim() === '')
    .map((partner) => DISTRICTS.find((d) => d.id === partner.districtId))
    .flatMap((district) => (district ? [districtLabel(district)] : []));

/**
 * The request the form stands for, checked by the same rules as on the server; or the first problem.
 * `published`: the template versions the server listed (GET /api/templates); without them, the built-in ones.
 */
export function prepareRound(draft: RoundDraft, published?: ReadonlySet<string>): Prepared {
  const included = draft.partners.filter((partner) => partner.amount.trim() !== '');
  const unreadable = unreadableAmount(included);
  if (unreadable) return unreadable;
  const checked = checkCreateRound({
    year: Number(draft.year),
    templateVersion: draft.templateVersion,
    deadline: draft.deadline,
    carryOver: draft.carryOver,
    ministrySignatory: toSignatory(draft.ministry),
    agreements: toAgreements(included),
  }, published);
  if (!checked.ok) return { ok: false, message: checked.message, inputId: inputIdOf(checked.field, included) };
  return { ok: true, request: checked.value, left: leftOut(draft.partners) };
}

/** Partners added to an existing round (POST /api/rounds/:year/agreements). */
export function prepareAddition(partners: PartnerDraft[]): { ok: true; request: AddRoundAgreementsRequest; left: string[] } | Extract<Prepared, { ok: false }> {
  const included = partners.filter((partner) => partner.amount.trim() !== '');
  const unreadable = unreadableAmount(included);
  if (unreadable) return unreadable;
  const checked = checkAddRoundAgreements({ agreements: toAgreements(included) });
  if (!checked.ok) return { ok: false, message: checked.message, inputId: inputIdOf(checked.field, included) };
  return { ok: true, request: checked.value, left: leftOut(partners) };
}

/** Amounts from the allocation table, as the form shows them ("462.800,00"); rows of other partners are ignored. */
export function withAmounts(partners: PartnerDraft[], rows: AllocationRow[]): PartnerDraft[] {
  const amounts = new Map(rows.map((row) => [row.districtId, formatAmount(row.amountCents).replace(/\u00a0€$/, '')]));
  return partners.map((partner) => ({ ...partner, amount: amounts.get(partner.districtId) ?? partner.amount }));
}
