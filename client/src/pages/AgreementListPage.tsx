import { STATUS_LABELS } from '../../../shared/api.js';
import { api } from '../api.js';
import { Link } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';

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
            {state.value.map((agreement) => (
              <li key={agreement.id}>
                <Link href={`/vereinbarungen/${encodeURIComponent(agreement.id)}`} className="agreement-card">
                  <span className="agreement-card-title">{agreement.title}</span>
                  <span className="agreement-card-meta">
                    {agreement.districtName} · {agreement.year} · <span className="status-badge">{STATUS_LABELS[agreement.status]}</span>
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
