import { STATUS_LABELS, type AgreementStatus } from '../../../../shared/api.js';
import type { Regierungsbezirk } from '../../../../shared/districts.js';
import { STATUS_ORDER, type BoardQuery } from './boardView.js';

const BEZIRKE: readonly Regierungsbezirk[] = ['Darmstadt', 'Gießen', 'Kassel'];

const isStatus = (value: string): value is AgreementStatus => (STATUS_ORDER as readonly string[]).includes(value);
const isBezirk = (value: string): value is Regierungsbezirk => (BEZIRKE as readonly string[]).includes(value);

/** Search, status, Regierungsbezirk and „nur überfällige": each a labelled native control. */
export function BoardFilters({ query, onChange, shown, total }: { query: BoardQuery; onChange: (query: BoardQuery) => void; shown: number; total: number }) {
  return (
    <div className="board-filters" role="search" aria-label="Vereinbarungen filtern">
      <label className="board-filter">
        <span>Suche</span>
        <input type="search" value={query.search} placeholder="Kreis oder Stadt" onChange={(event) => onChange({ ...query, search: event.target.value })} />
      </label>
      <label className="board-filter">
        <span>Status</span>
        <select value={query.status} onChange={(event) => onChange({ ...query, status: isStatus(event.target.value) ? event.target.value : 'all' })}>
          <option value="all">Alle</option>
          {STATUS_ORDER.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filter">
        <span>Regierungsbezirk</span>
        <select value={query.bezirk} onChange={(event) => onChange({ ...query, bezirk: isBezirk(event.target.value) ? event.target.value : 'all' })}>
          <option value="all">Alle</option>
          {BEZIRKE.map((bezirk) => (
            <option key={bezirk} value={bezirk}>
              {bezirk}
            </option>
          ))}
        </select>
      </label>
      <label className="board-filter board-filter-check">
        <input type="checkbox" checked={query.overdueOnly} onChange={(event) => onChange({ ...query, overdueOnly: event.target.checked })} />
        <span>nur überfällige</span>
      </label>
      <p className="board-shown" aria-live="polite">
        {shown === total ? `${total} Vereinbarungen` : `${shown} von ${total} Vereinbarungen`}
      </p>
    </div>
  );
}
