import { STATUS_LABELS } from '../../../../shared/api.js';
import { formatDateTime } from '../../../../shared/format.js';
import type { BoardRow } from '../../../../shared/rounds/types.js';
import { Link } from '../../router.js';
import { formatAmount } from '../money.js';
import type { BoardQuery, SortKey } from './boardView.js';

const COLUMNS: { key: SortKey | null; label: string; numeric?: boolean }[] = [
  { key: 'district', label: 'Kreis / Stadt' },
  { key: 'status', label: 'Status' },
  { key: 'amount', label: 'Betrag', numeric: true },
  { key: 'projects', label: 'Projekte', numeric: true },
  { key: 'openThreads', label: 'Offene Kommentare', numeric: true },
  { key: 'lastActivity', label: 'Letzte Aktivität' },
  { key: null, label: 'Unterschriften' },
  { key: null, label: 'Frist' },
];

function Signed({ party, done }: { party: string; done: boolean }) {
  return (
    <span className={`board-signed${done ? ' is-signed' : ''}`}>
      <span aria-hidden="true">{done ? '✓' : '○'}</span> {party}
      <span className="visually-hidden">{done ? ' unterzeichnet' : ' nicht unterzeichnet'}</span>
    </span>
  );
}

function deadlineState(row: BoardRow) {
  if (row.status === 'final') return <span className="board-deadline">erledigt</span>;
  if (row.overdue)
    return (
      <span className="board-deadline is-overdue">
        <span aria-hidden="true">⚠ </span>überfällig
      </span>
    );
  return <span className="board-deadline">offen</span>;
}

/** One row per agreement; column headers sort (again: the other direction). */
export function BoardTable({ rows, query, onSort }: { rows: BoardRow[]; query: BoardQuery; onSort: (key: SortKey) => void }) {
  return (
    // On a narrow screen the table scrolls sideways inside its frame; the frame is focusable so the keyboard can scroll it too.
    <div className="board-table-frame" role="region" aria-label="Vereinbarungen der Runde" tabIndex={0}>
      <table className="board-table">
        <caption className="visually-hidden">Vereinbarungen der Runde; Spaltenköpfe sortieren</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, numeric }) => (
              <th
                key={label}
                scope="col"
                className={numeric ? 'is-numeric' : undefined}
                aria-sort={key !== null && query.sort === key ? (query.descending ? 'descending' : 'ascending') : undefined}
              >
                {key === null ? (
                  label
                ) : (
                  <button type="button" className="board-sort" onClick={() => onSort(key)}>
                    {label}
                    <span aria-hidden="true" className="board-sort-mark">
                      {query.sort === key ? (query.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agreementId} className={row.overdue ? 'is-overdue' : undefined} data-district={row.districtId}>
              <th scope="row">
                <Link href={`/vereinbarungen/${encodeURIComponent(row.agreementId)}`}>{row.districtName}</Link>
                <span className="board-bezirk">RB {row.regierungsbezirk}</span>
              </th>
              <td>
                <span className={`status-badge status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
              </td>
              <td className="is-numeric">{formatAmount(row.amountCents)}</td>
              <td className="is-numeric">{row.projects}</td>
              <td className="is-numeric">{row.openThreads}</td>
              <td className="board-activity">
                {row.lastActivityAt === null ? (
                  <span className="board-muted">noch keine</span>
                ) : (
                  <>
                    {row.lastActivityBy ?? 'unbekannt'}
                    <br />
                    <span className="board-muted">{formatDateTime(row.lastActivityAt)}</span>
                  </>
                )}
              </td>
              <td>
                <Signed party="Ministerium" done={row.signed.ministry} />
                <br />
                <Signed party="Kreis" done={row.signed.district} />
              </td>
              <td>{deadlineState(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
