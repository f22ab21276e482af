import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { AppHeader } from '../../ui/AppHeader.js';
import { Notice } from '../../ui/Notice.js';
import { usePageTitle } from '../../usePageTitle.js';
import { useResource } from '../../useResource.js';
import { roundsApi } from '../api.js';
import { formatAmount } from '../money.js';
import { AllocationImport } from './AllocationImport.js';
import { PartnerTable } from './PartnerTable.js';
import { applyPrefill, initialDraft, prepareAddition, withAmounts, type PartnerDraft } from './roundForm.js';
import '../board/board.css';
import './round.css';

type Ready = Extract<ReturnType<typeof prepareAddition>, { ok: true }>;


/** Partners added to an existing round: the same table as „Neue Runde", without those already in it. */
export function AddPartnersPage({ year }: { year: number }) {
  const { expired } = useSession();
  const heading = usePageTitle(`Partner zur Runde ${year} hinzufügen`);
  const board = useResource(() => roundsApi.board(year), `board:${year}`);
  const [partners, setPartners] = useState<PartnerDraft[] | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (board.kind !== 'loaded') return;
    const inRound = new Set(board.value.rows.map((row) => row.districtId));
    const missing = { ...initialDraft(year), partners: initialDraft(year).partners.filter((p) => !inRound.has(p.districtId)) };
    setPartners(missing.partners);
    roundsApi.prefill(year).then(
      (prefill) => setPartners((current) => (current ? applyPrefill({ ...missing, partners: current }, prefill).partners : current)),
      (caught: unknown) => (caught instanceof ApiError && caught.status === 401 ? expired() : console.error(`prefill ${year} failed`, caught)),
    );
  }, [board, year, expired]);

  const sum = useMemo(() => ready?.request.agreements.reduce((total, a) => total + a.amountCents, 0) ?? 0, [ready]);

  function check(event: FormEvent) {
    event.preventDefault();
    if (!partners) return;
    const prepared = prepareAddition(partners);
    if (!prepared.ok) {
      setError(prepared.message);
      document.getElementById(prepared.inputId)?.focus();
      return;
    }
    setError(null);
    setReady(prepared);
  }

  async function add() {
    if (!ready) return;
    setPending(true);
    setError(null);
    try {
      await roundsApi.addAgreements(year, ready.request);
      navigate(`/runden/${year}`);
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.status === 401) expired();
      setError(caught instanceof Error ? caught.message : 'Die Partner konnten nicht hinzugefügt werden.');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main className="page page-wide round-page">
        <h1 ref={heading} tabIndex={-1}>
          Partner zur Runde {year} hinzufügen
        </h1>
        {board.kind === 'error' && <Notice tone="error" title={`Die Runde ${year} konnte nicht geladen werden`}>{board.message}</Notice>}
        {partners !== null && partners.length === 0 && (
          <p className="page-status">
            Alle 26 Partner sind schon in der Runde {year}. <Link href={`/runden/${year}`}>Zur Übersicht</Link>
          </p>
        )}
        {partners !== null && partners.length > 0 && !ready && (
          <form onSubmit={check} noValidate>
            <fieldset className="round-section">
              <legend>Beträge und Unterzeichner/innen der fehlenden Partner</legend>
              <AllocationImport onApply={(rows) => setPartners((current) => current && withAmounts(current, rows))} />
              <PartnerTable partners={partners} onChange={(partner) => setPartners((current) => current && current.map((p) => (p.districtId === partner.districtId ? partner : p)))} />
            </fieldset>
            <div className="round-actions round-actions-sticky">
              {error && (
                <p className="form-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" className="button button-primary">
                Prüfen
              </button>
            </div>
          </form>
        )}
        {ready && (
          <section className="round-confirm" aria-labelledby="add-confirm-title">
            <h2 id="add-confirm-title" tabIndex={-1} ref={(element) => element?.focus()}>
              {ready.request.agreements.length} {ready.request.agreements.length === 1 ? 'Vereinbarung' : 'Vereinbarungen'} zur Runde {year} hinzufügen?
            </h2>
            <p>
              Summe der Beträge: <strong>{formatAmount(sum)}</strong>
            </p>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="round-actions">
              <button type="button" className="button button-quiet" onClick={() => setReady(null)}>
                Zurück zum Formular
              </button>
              <button type="button" className="button button-primary" disabled={pending} onClick={() => void add()}>
                {pending ? 'Wird angelegt …' : 'Hinzufügen'}
              </button>
            </div>
          </section>
        )}
      </main>
    </>
  );
}
