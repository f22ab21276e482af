import { useMemo, useState } from 'react';
import { DISTRICTS } from '../../../../shared/districts.js';
import { formatDate } from '../../../../shared/format.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { AppHeader } from '../../ui/AppHeader.js';
import { Notice } from '../../ui/Notice.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useResource } from '../../useResource.js';
import { boardCsvUrl, roundsApi } from '../api.js';
import { AgreementsOutsideRounds } from './AgreementsOutsideRounds.js';
import { BoardFilters } from './BoardFilters.js';
import { BoardTable } from './BoardTable.js';
import { BoardTotals } from './BoardTotals.js';
import { DEFAULT_QUERY, totalsOf, visibleRows, type SortKey } from './boardView.js';
import { useLiveBoard } from './useLiveBoard.js';
import './board.css';

/**
 * The ministry's start page: the status board of one round (the newest, unless the address names
 * a year), live while the districts edit, comment and sign.
 */
export function BoardPage({ year: requested }: { year: number | null }) {
  const { user } = useSession();
  const rounds = useResource(roundsApi.rounds, 'rounds');
  const years = rounds.kind === 'loaded' ? rounds.value.map((round) => round.year).sort((a, b) => b - a) : [];
  const year = requested ?? years[0] ?? null;
  const heading = usePageTitle(year === null ? 'Zielvereinbarungen' : `Zielvereinbarungen ${year}`);
  const live = useLiveBoard(year);
  const [query, setQuery] = useState(DEFAULT_QUERY);
  const rows = live.kind === 'loaded' ? live.board.rows : [];
  const shown = useMemo(() => visibleRows(rows, query), [rows, query]);
  const totals = useMemo(() => totalsOf(rows), [rows]);
  const mayStart = user.role === 'ministry-editor';

  const sortBy = (key: SortKey) => setQuery((q) => ({ ...q, sort: key, descending: q.sort === key ? !q.descending : false }));

  return (
    <>
      <AppHeader />
      <main className="page page-wide">
        <div className="board-head">
          <h1 ref={heading} tabIndex={-1}>
            {year === null ? 'Zielvereinbarungen' : `Zielvereinbarungen ${year}`}
          </h1>
          {years.length > 0 && (
            <label className="board-year">
              <span>Runde</span>
              <select value={year ?? ''} onChange={(event) => navigate(`/runden/${event.target.value}`)}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          )}
          {mayStart && (
            <Link href="/runden/neu" className="button button-primary board-new">
              Neue Runde
            </Link>
          )}
          {mayStart && (
            <Link href="/papiervereinbarung" className="button board-paper">
              Papiervereinbarung erfassen
            </Link>
          )}
        </div>
        {rounds.kind === 'error' && <Notice tone="error" title="Die Runden konnten nicht geladen werden">{rounds.message}</Notice>}
        {rounds.kind === 'loaded' && year === null && (
          <p className="page-status">Noch keine Runde angelegt.{mayStart ? ' Mit „Neue Runde“ legen Sie die Vereinbarungen eines Jahres an.' : ''}</p>
        )}
        {live.kind === 'error' && year !== null && <Notice tone="error" title={`Die Runde ${year} konnte nicht geladen werden`}>{live.message}</Notice>}
        {(rounds.kind === 'loading' || (year !== null && live.kind === 'loading')) && <p className="page-status">Wird geladen …</p>}
        {live.kind === 'loaded' && year !== null && (
          <>
            <p className="board-meta">
              Frist zur Unterzeichnung: <strong>{formatDate(live.board.deadline)}</strong>
              <span className={`board-live${live.live ? ' is-live' : ''}`} role="status">
                {live.live ? 'Live – Änderungen erscheinen sofort' : 'Verbindung für Live-Änderungen wird hergestellt …'}
              </span>
              <span className="board-links">
                {mayStart && rows.length < DISTRICTS.length && <Link href={`/runden/${year}/partner`}>Partner hinzufügen</Link>}
                <a href={boardCsvUrl(year)} download>
                  Als CSV exportieren
                </a>
              </span>
            </p>
            {live.board.note && (
              <p className="board-note" role="note">
                {live.board.note}
              </p>
            )}
            <BoardTotals totals={totals} overdue={rows.filter((row) => row.overdue).length} />
            <BoardFilters query={query} onChange={setQuery} shown={shown.length} total={rows.length} />
            {shown.length > 0 ? <BoardTable rows={shown} query={query} onSort={sortBy} /> : <p className="page-status">Keine Vereinbarung passt zu diesem Filter.</p>}
          </>
        )}
        {requested === null && <AgreementsOutsideRounds />}
      </main>
    </>
  );
}
