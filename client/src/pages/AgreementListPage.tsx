import { STATUS_LABELS, type AgreementSummary } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { api } from '../api.js';
import { Link } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';

/** Today in Germany as an ISO date: a deadline is over once its day has passed there. */
const todayInBerlin = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

function Deadline({ agreement }: { agreement: AgreementSummary }) {
  if (agreement.deadline === null) return null;
  const overdue = agreement.status !== 'final' && agreement.deadline < todayInBerlin();
  return (
    <span className={overdue ? 'deadline is-overdue' : 'deadline'}>
      {' · '}
      {overdue && <span aria-hidden="true">⚠ </span>}
      Frist {formatDate(agreement.deadline)}
      {overdue ? ' – überfällig' : ''}
    </span>
  );
}

/** A district's start page: its own agreements of every year, newest first, with the deadline. */
export function AgreementListPage() {
  const heading = usePageTitle('Zielvereinbarungen');
  const state = useResource(api.agreements, 'agreements');

  return (
    <>
      <AppHeader />
      <main className="page">
        <h1 ref={heading} tabIndex={-1}>
          Zielvereinbarungen
        </h1>
        {state.kind === 'loading' && <p className="page-status">Wird geladen …</p>}
        {state.kind === 'error' && <Notice tone="error" title="Die Liste konnte nicht geladen werden">{state.message}</Notice>}
        {state.kind === 'loaded' && state.value.length === 0 && (
          <p className="page-status">Für Sie sind noch keine Zielvereinbarungen freigegeben.</p>
        )}
        {state.kind === 'loaded' && state.value.length > 0 && (
          <ul className="agreement-list">
            {[...state.value].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'de')).map((agreement) => (
              <li key={agreement.id}>
                <Link href={`/vereinbarungen/${encodeURIComponent(agreement.id)}`} className="agreement-card">
                  <span className="agreement-card-title">{agreement.title}</span>
                  <span className="agreement-card-meta">
                    {agreement.districtName} · {agreement.year} · <span className={`status-badge status-${agreement.status}`}>{STATUS_LABELS[agreement.status]}</span>
                    <Deadline agreement={agreement} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
