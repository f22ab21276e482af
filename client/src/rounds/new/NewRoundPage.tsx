import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../../../../shared/format.js';
import { ApiError } from '../../api.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { AppHeader } from '../../ui/AppHeader.js';
import { Notice } from '../../ui/Notice.js';
import { publishedVersions } from '../../templates/versionLabels.js';
import { templatesApi } from '../../templates/templatesApi.js';
import { usePageTitle } from '../../usePageTitle.js';
import { roundsApi } from '../api.js';
import { formatAmount } from '../money.js';
import { AllocationImport } from './AllocationImport.js';
import { PartnerTable } from './PartnerTable.js';
import { applyPrefill, initialDraft, prepareRound, proposedRoundYear, withAmounts, type RoundDraft } from './roundForm.js';
import { RoundSettings, type TemplateChoice } from './RoundSettings.js';
import { SignatoryFields } from './SignatoryFields.js';
import '../board/board.css';
import './round.css';

type Step = { kind: 'edit' } | { kind: 'confirm'; prepared: Extract<ReturnType<typeof prepareRound>, { ok: true }> };

/**
 * „Neue Runde": the year's settings, the ministry's signatory and all 26 partners. „Prüfen" shows
 * what will be created; only „Runde anlegen" sends it, and the server creates all or nothing.
 */
export function NewRoundPage() {
  const { expired } = useSession();
  const heading = usePageTitle('Neue Runde');
  const [draft, setDraft] = useState<RoundDraft>(() => initialDraft(proposedRoundYear([])));
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a 409 the year has agreements already: the way on is to add the missing partners to it.
  const [conflictYear, setConflictYear] = useState<number | null>(null);
  // The published template versions a round may pin (drafts cannot be used); the newest is proposed.
  const [published, setPublished] = useState<TemplateChoice[] | null>(null);
  const versions = published ?? [{ version: draft.templateVersion, label: draft.templateVersion }];
  // On opening: the published versions (the newest is proposed) and the year after the newest round
  // (unless a year was typed meanwhile).
  useEffect(() => {
    let current = true;
    const failed = (what: string) => (caught: unknown) => {
      if (caught instanceof ApiError && caught.status === 401) expired();
      else console.error(`${what} failed`, caught);
    };
    templatesApi.list().then((list) => {
      if (!current) return;
      const ids = publishedVersions(list);
      setPublished(ids.map((version) => ({ version, label: list.find((v) => v.version === version)?.label ?? version })));
      setDraft((d) => ({ ...d, templateVersion: ids[0] ?? d.templateVersion }));
    }, failed('template versions'));
    const fallback = String(proposedRoundYear([]));
    roundsApi.rounds().then(
      (rounds) => current && setDraft((d) => (d.year === fallback ? { ...d, year: String(proposedRoundYear(rounds.map((round) => round.year))) } : d)),
      failed('rounds'),
    );
    return () => {
      current = false;
    };
  }, [expired]);

  // Last year's signatories, where there are some, for the year now chosen.
  useEffect(() => {
    const year = Number(draft.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return;
    let current = true;
    roundsApi.prefill(year).then(
      (prefill) => current && setDraft((d) => (d.year === String(year) ? applyPrefill(d, prefill) : d)),
      (caught: unknown) => {
        if (caught instanceof ApiError && caught.status === 401) expired();
        else console.error(`prefill ${year} failed`, caught);
      },
    );
    return () => {
      current = false;
    };
  }, [draft.year, expired]);

  function check(event: FormEvent) {
    event.preventDefault();
    const prepared = prepareRound(draft, published ? new Set(published.map((choice) => choice.version)) : undefined);
    if (!prepared.ok) {
      setError(prepared.message);
      document.getElementById(prepared.inputId)?.focus();
      return;
    }
    setError(null);
    setStep({ kind: 'confirm', prepared });
  }

  async function create() {
    if (step.kind !== 'confirm') return;
    setPending(true);
    setError(null);
    try {
      const created = await roundsApi.create(step.prepared.request);
      navigate(`/runden/${created.year}`);
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.status === 401) expired();
      setConflictYear(caught instanceof ApiError && caught.status === 409 ? step.prepared.request.year : null);
      setError(caught instanceof Error ? caught.message : 'Die Runde konnte nicht angelegt werden.');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main className="page page-wide round-page">
        <h1 ref={heading} tabIndex={-1}>
          Neue Runde
        </h1>
        {step.kind === 'edit' ? (
          <form onSubmit={check} noValidate aria-describedby={error ? 'round-error' : undefined}>
            <RoundSettings draft={draft} onChange={(changed) => setDraft((d) => ({ ...d, ...changed }))} templates={versions} />
            <fieldset className="round-section">
              <legend>Unterzeichner/in des Ministeriums</legend>
              <SignatoryFields value={draft.ministry} onChange={(ministry) => setDraft((d) => ({ ...d, ministry }))} />
            </fieldset>
            <fieldset className="round-section">
              <legend>Beträge und Unterzeichner/innen der Partner</legend>
              <AllocationImport onApply={(rows) => setDraft((d) => ({ ...d, partners: withAmounts(d.partners, rows) }))} />
              <p className="field-hint">Partner ohne Betrag werden nicht angelegt; sie lassen sich der Runde später hinzufügen.</p>
              <PartnerTable partners={draft.partners} onChange={(partner) => setDraft((d) => ({ ...d, partners: d.partners.map((p) => (p.districtId === partner.districtId ? partner : p)) }))} />
            </fieldset>
            {/* Sticky at the bottom: whichever field the error moved the focus to, its message stays in view. */}
            <div className="round-actions round-actions-sticky">
              {error && (
                <p id="round-error" className="form-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" className="button button-primary">
                Runde prüfen
              </button>
            </div>
          </form>
        ) : (
          <section className="round-confirm" aria-labelledby="round-confirm-title">
            <h2 id="round-confirm-title" tabIndex={-1} ref={(element) => element?.focus()}>
              Runde {step.prepared.request.year} anlegen?
            </h2>
            <dl className="round-summary">
              <dt>Vereinbarungen</dt>
              <dd>{step.prepared.request.agreements.length}</dd>
              <dt>Summe der Beträge</dt>
              <dd className="round-summary-sum">{formatAmount(step.prepared.request.agreements.reduce((sum, a) => sum + a.amountCents, 0))}</dd>
              <dt>Frist</dt>
              <dd>{formatDate(step.prepared.request.deadline)}</dd>
              <dt>Projektliste (§&nbsp;5)</dt>
              <dd>{step.prepared.request.carryOver === 'previous' ? 'aus dem Vorjahr übernehmen' : 'leer beginnen'}</dd>
              <dt>Unterzeichner/in des Ministeriums</dt>
              <dd>{step.prepared.request.ministrySignatory.name}</dd>
            </dl>
            {step.prepared.left.length > 0 && (
              <Notice tone="info" title={`Ohne Betrag, daher nicht angelegt (${step.prepared.left.length})`}>
                {step.prepared.left.join(', ')}
              </Notice>
            )}
            {error && (
              <p className="form-error" role="alert">
                {error}
                {conflictYear !== null && (
                  <>
                    {' '}
                    <Link href={`/runden/${conflictYear}/partner`}>Fehlende Partner zur Runde {conflictYear} hinzufügen</Link>
                  </>
                )}
              </p>
            )}
            <div className="round-actions">
              <button type="button" className="button button-quiet" onClick={() => setStep({ kind: 'edit' })}>
                Zurück zum Formular
              </button>
              <button type="button" className="button button-primary" disabled={pending} onClick={() => void create()}>
                {pending ? 'Wird angelegt …' : 'Runde anlegen'}
              </button>
            </div>
          </section>
        )}
      </main>
    </>
  );
}
