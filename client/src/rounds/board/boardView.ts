import type { AgreementStatus } from '../../../../shared/api.js';
import type { Regierungsbezirk } from '../../../../shared/districts.js';
import type { BoardRow, BoardTotals } from '../../../../shared/rounds/types.js';

/** What the ministry chose to see of a round: pure, so the board and its tests agree. */
export type SortKey = 'district' | 'status' | 'amount' | 'projects' | 'openThreads' | 'lastActivity';

export interface BoardQuery {
  status: AgreementStatus | 'all';
  bezirk: Regierungsbezirk | 'all';
  overdueOnly: boolean;
  search: string;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_QUERY: BoardQuery = { status: 'all', bezirk: 'all', overdueOnly: false, search: '', sort: 'district', descending: false };

export const STATUS_ORDER: readonly AgreementStatus[] = ['draft', 'released', 'partially-signed', 'final'];

const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });

const normalizeSearch = (text: string) => text.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();

/**
 * The name a reader looks a partner up by: „Offenbach" for both „Kreis Offenbach" and „Stadt
 * Offenbach am Main", so that they stand together rather than at the top and the bottom of the list.
 */
const sortName = (districtName: string) => districtName.replace(/^(Landkreis|Kreis|Stadt)\s+/, '');

function compare(a: BoardRow, b: BoardRow, key: SortKey): number {
  switch (key) {
    case 'district':
      return collator.compare(sortName(a.districtName), sortName(b.districtName)) || collator.compare(a.districtName, b.districtName);
    case 'status':
      return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    case 'amount':
      return a.amountCents - b.amountCents;
    case 'projects':
      return a.projects - b.projects;
    case 'openThreads':
      return a.openThreads - b.openThreads;
    case 'lastActivity':
      return (a.lastActivityAt ?? 0) - (b.lastActivityAt ?? 0);
  }
}

/** The rows to show, filtered and sorted; ties fall back to the district's name. */
export function visibleRows(rows: readonly BoardRow[], query: BoardQuery): BoardRow[] {
  const search = normalizeSearch(query.search);
  const direction = query.descending ? -1 : 1;
  return rows
    .filter((row) => query.status === 'all' || row.status === query.status)
    .filter((row) => query.bezirk === 'all' || row.regierungsbezirk === query.bezirk)
    .filter((row) => !query.overdueOnly || row.overdue)
    .filter((row) => search === '' || normalizeSearch(`${row.districtName} ${row.regierungsbezirk}`).includes(search))
    .sort((a, b) => direction * compare(a, b, query.sort) || collator.compare(a.districtName, b.districtName));
}

/** The round's totals over all its rows (the live events update rows; the totals follow). */
export function totalsOf(rows: readonly BoardRow[]): BoardTotals {
  const byStatus: Record<AgreementStatus, number> = { draft: 0, released: 0, 'partially-signed': 0, final: 0 };
  let amountCents = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    amountCents += row.amountCents;
  }
  return { amountCents, agreements: rows.length, byStatus };
}

/** A row from the events stream replaces the row of the same agreement, or joins the round. */
export function mergeRow(rows: readonly BoardRow[], row: BoardRow): BoardRow[] {
  const index = rows.findIndex((existing) => existing.agreementId === row.agreementId);
  if (index < 0) return [...rows, row];
  return rows.map((existing, i) => (i === index ? row : existing));
}
