import { STATUS_LABELS } from '../../../../shared/api.js';
import type { BoardTotals as Totals } from '../../../../shared/rounds/types.js';
import { formatAmount } from '../money.js';
import { STATUS_ORDER } from './boardView.js';

/** The round at a glance: the sum of §4, how many are where, and how far to „alle unterzeichnet". */
export function BoardTotals({ totals, overdue }: { totals: Totals; overdue: number }) {
  const signed = totals.byStatus.final;
  const percent = totals.agreements === 0 ? 0 : Math.round((signed / totals.agreements) * 100);
  return (
    <section className="board-totals" aria-labelledby="board-totals-title">
      <h2 id="board-totals-title" className="visually-hidden">
        Summen
      </h2>
      <dl className="board-figures">
        <div>
          <dt>Haushaltsmittel gesamt</dt>
          <dd className="board-figure-amount">{formatAmount(totals.amountCents)}</dd>
        </div>
        <div>
          <dt>Vereinbarungen</dt>
          <dd>{totals.agreements}</dd>
        </div>
        {STATUS_ORDER.map((status) => (
          <div key={status}>
            <dt>{STATUS_LABELS[status]}</dt>
            <dd>{totals.byStatus[status]}</dd>
          </div>
        ))}
        <div className={overdue > 0 ? 'board-figure-overdue' : undefined}>
          <dt>Überfällig</dt>
          <dd>{overdue}</dd>
        </div>
      </dl>
      <div className="board-progress">
        <span id="board-progress-label">
          {signed} von {totals.agreements} unterzeichnet
          {signed === totals.agreements && totals.agreements > 0 ? ' – alle unterzeichnet' : ''}
        </span>
        <div
          className="board-progress-track"
          role="progressbar"
          aria-labelledby="board-progress-label"
          aria-valuemin={0}
          aria-valuemax={totals.agreements}
          aria-valuenow={signed}
          aria-valuetext={`${percent} Prozent unterzeichnet`}
        >
          <div className="board-progress-bar" style={{ width: `${percent}%` }} />
        </div>
      </div>
    </section>
  );
}
