import { DISTRICTS, typeWordOf } from '../../../../shared/districts.js';
import { parseEuro } from '../../../../shared/format.js';
import { districtLabel } from '../../../../shared/rounds/validate.js';
import { formatAmount } from '../money.js';
import type { PartnerDraft, SignatoryDraft } from './roundForm.js';

/** An example function line per kind of partner: Kreis Bergstraße's head is „Landrat des Kreises“. */
const FUNCTION_EXAMPLES = { Stadt: 'Oberbürgermeister/in', Landkreis: 'Landrat/Landrätin des Landkreises', Kreis: 'Landrat/Landrätin des Kreises' } as const;

const COLUMNS = [
  { id: 'col-amount', label: 'Betrag (§\u00a04)' },
  { id: 'col-name', label: 'Unterzeichner/in' },
  { id: 'col-functionLines', label: 'Funktion' },
  { id: 'col-place', label: 'Ort' },
] as const;

/**
 * All 26 partners with their amount and signatory. Every input is named by its column and its
 * row (aria-labelledby), so a screen reader says „Betrag (§ 4) Landkreis Fulda".
 */
export function PartnerTable({ partners, onChange }: { partners: PartnerDraft[]; onChange: (partner: PartnerDraft) => void }) {
  const setSignatory = (partner: PartnerDraft, patch: Partial<SignatoryDraft>) => onChange({ ...partner, signatory: { ...partner.signatory, ...patch } });
  return (
    <table className="round-partners" id="round-partners">
      <caption className="visually-hidden">Partner der Runde mit Betrag und Unterzeichner/in</caption>
      <thead>
        <tr>
          <th scope="col">Partner</th>
          {COLUMNS.map((column) => (
            <th key={column.id} id={column.id} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {partners.map((partner) => {
          const district = DISTRICTS.find((d) => d.id === partner.districtId);
          if (!district) return null;
          const rowId = `row-${district.id}`;
          const id = (part: string) => `partner-${district.id}-${part}`;
          const cents = partner.amount.trim() === '' ? null : parseEuro(partner.amount);
          const invalid = partner.amount.trim() !== '' && cents === null;
          return (
            <tr key={district.id} className={partner.amount.trim() === '' ? 'is-left-out' : undefined}>
              <th scope="row">
                <span id={rowId}>{districtLabel(district)}</span>
                <span className="board-bezirk">RB {district.regierungsbezirk}</span>
              </th>
              <td>
                <input
                  id={id('amount')}
                  className="round-amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={partner.amount}
                  aria-labelledby={`col-amount ${rowId}`}
                  aria-invalid={invalid}
                  aria-describedby={`${id('amount')}-hint`}
                  onChange={(event) => onChange({ ...partner, amount: event.target.value })}
                />
                <span id={`${id('amount')}-hint`} className="field-hint round-amount-hint">
                  {invalid ? 'kein Betrag in Euro' : cents !== null ? formatAmount(cents) : ''}
                  {partner.previousAmountCents !== null ? `${cents !== null || invalid ? ' · ' : ''}Vorjahr ${formatAmount(partner.previousAmountCents)}` : ''}
                </span>
              </td>
              <td>
                <input id={id('name')} autoComplete="off" value={partner.signatory.name} aria-labelledby={`col-name ${rowId}`} onChange={(event) => setSignatory(partner, { name: event.target.value })} />
              </td>
              <td>
                <textarea
                  id={id('functionLines')}
                  rows={2}
                  value={partner.signatory.functionLines}
                  aria-labelledby={`col-functionLines ${rowId}`}
                  placeholder={FUNCTION_EXAMPLES[typeWordOf(district)]}
                  onChange={(event) => setSignatory(partner, { functionLines: event.target.value })}
                />
              </td>
              <td>
                <input id={id('place')} autoComplete="off" value={partner.signatory.place} aria-labelledby={`col-place ${rowId}`} onChange={(event) => setSignatory(partner, { place: event.target.value })} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
