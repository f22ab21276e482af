import { STATUS_LABELS } from '../../../../shared/api.js';
import { api } from '../../api.js';
import { Link } from '../../router.js';
import { useResource } from '../../useResource.js';

/**
 * Agreements that belong to no round (created before rounds existed): the board cannot show them,
 * so the ministry's start page lists them below it. Nothing is shown when there are none.
 */
export function AgreementsOutsideRounds() {
  const state = useResource(api.agreements, 'agreements');
  if (state.kind !== 'loaded') return null;
  const outside = state.value.filter((agreement) => agreement.deadline === null).sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'de'));
  if (outside.length === 0) return null;
  return (
    <section className="board-outside" aria-labelledby="board-outside-title">
      <h2 id="board-outside-title">Vereinbarungen ohne Runde</h2>
      <ul className="agreement-list">
        {outside.map((agreement) => (
          <li key={agreement.id}>
            <Link href={`/vereinbarungen/${encodeURIComponent(agreement.id)}`} className="agreement-card">
              <span className="agreement-card-title">{agreement.title}</span>
              <span className="agreement-card-meta">
                {agreement.districtName} · {agreement.year} · <span className={`status-badge status-${agreement.status}`}>{STATUS_LABELS[agreement.status]}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
