import { useMemo, useState, type FormEvent } from 'react';
import { DISTRICTS } from '../../../../shared/districts.js';
import { parsePastedProjectList } from '../../../../shared/paper/projectListText.js';
import { districtLabel } from '../../../../shared/rounds/validate.js';
import { CURRENT_TEMPLATE_VERSION } from '../../../../shared/template/index.js';
import { ApiError } from '../../api.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { AppHeader } from '../../ui/AppHeader.js';
import { usePageTitle } from '../../usePageTitle.js';
import { roundsApi } from '../api.js';
import { initialPaperDraft, preparePaper, scanAsBase64, type PaperDraft } from './paperForm.js';
import { PaperSignatoryFields } from './PaperSignatoryFields.js';
import '../new/round.css';
import './paper.css';

const LIST_PLACEHOLDER = 'Maßnahmenart 3\n- DREIplus - Wiedererlangung der Erwerbsfähigkeit\n- Geflüchtete I\n\nMaßnahmenart 4\n- Strategieentwicklung';

/**
 * „Papiervereinbarung erfassen" (issue 10, point 6): an earlier year's agreement that exists only
 * on paper, typed in as it was signed, with its scan. The §5 list is read as it is pasted, and
 * every line it cannot take is named here before anything is sent.
 */
export function PaperAgreementPage() {
  const { expired } = useSession();
  const heading = usePageTitle('Papiervereinbarung erfassen');
  const [draft, setDraft] = useState<PaperDraft>(() => initialPaperDraft(new Date().getFullYear() - 1));
  const [scan, setScan] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const list = useMemo(() => (draft.projectList.trim() === '' ? null : parsePastedProjectList(draft.projectList)), [draft.projectList]);
  const set = (key: 'districtId' | 'year' | 'amount' | 'projectList') => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const prepared = preparePaper(draft, CURRENT_TEMPLATE_VERSION);
    if (!prepared.ok) {
      setError(prepared.message);
      document.getElementById(prepared.inputId)?.focus();
      return;
    }
    if (!scan) {
      setError('Bitte den unterschriebenen Scan (PDF) anhängen.');
      document.getElementById('paper-scan')?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      const created = await roundsApi.recordPaper({ ...prepared.request, scan: { filename: scan.name, base64: await scanAsBase64(scan) } });
      navigate(`/vereinbarungen/${encodeURIComponent(created.id)}`);
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.status === 401) expired();
      setError(caught instanceof Error ? caught.message : 'Die Vereinbarung konnte nicht erfasst werden.');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main className="page page-wide round-page">
        <h1 ref={heading} tabIndex={-1}>
          Papiervereinbarung erfassen
        </h1>
        <p>
          Eine Zielvereinbarung eines früheren Jahres, die nur auf Papier unterzeichnet wurde: Sie ist sofort endgültig, wird als „auf Papier unterzeichnet“ gekennzeichnet, und die
          Runde des Folgejahres übernimmt ihre Projektliste. <Link href="/">Zur Übersicht</Link>
        </p>
        <form className="paper-form" onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="round-section">
            <legend>Vereinbarung</legend>
            <label htmlFor="paper-district">Kreis/Stadt</label>
            <select id="paper-district" value={draft.districtId} onChange={set('districtId')} required>
              <option value="">Bitte wählen …</option>
              {DISTRICTS.map((district) => (
                <option key={district.id} value={district.id}>
                  {districtLabel(district)}
                </option>
              ))}
            </select>
            <label htmlFor="paper-year">Jahr</label>
            <input id="paper-year" inputMode="numeric" value={draft.year} onChange={set('year')} required />
            <label htmlFor="paper-amount">Betrag (§ 4) in Euro</label>
            <input id="paper-amount" inputMode="decimal" placeholder="462.800,00" value={draft.amount} onChange={set('amount')} required />
          </fieldset>
          <fieldset className="round-section">
            <legend>Projektliste (§ 5)</legend>
            <label htmlFor="paper-list">Einfügen: die Maßnahmenart als Überschrift, darunter ein Projekt pro Zeile</label>
            <textarea id="paper-list" rows={12} value={draft.projectList} onChange={set('projectList')} placeholder={LIST_PLACEHOLDER} aria-describedby="paper-list-state" />
            <div id="paper-list-state" aria-live="polite">
              {list?.ok === true && <p className="paper-list-ok">{list.projects === 1 ? '1 Projekt' : `${list.projects} Projekte`} in {list.groups.length === 1 ? 'einer Maßnahmenart' : `${list.groups.length} Maßnahmenarten`} erkannt.</p>}
              {list?.ok === false && (
                <ul className="form-error paper-list-problems">
                  {list.problems.map((problem) => (
                    <li key={`${problem.line}:${problem.message}`}>{problem.message}</li>
                  ))}
                </ul>
              )}
            </div>
          </fieldset>
          <PaperSignatoryFields id="paper-ministry" legend="Unterschrift des Ministeriums, wie auf dem Papier" value={draft.ministry} onChange={(ministry) => setDraft({ ...draft, ministry })} />
          <PaperSignatoryFields id="paper-partner" legend="Unterschrift des Kreises bzw. der Stadt, wie auf dem Papier" value={draft.district} onChange={(district) => setDraft({ ...draft, district })} />
          <fieldset className="round-section">
            <legend>Unterschriebener Scan</legend>
            <label htmlFor="paper-scan">PDF, höchstens 10 MiB</label>
            <input id="paper-scan" type="file" accept="application/pdf,.pdf" onChange={(event) => setScan(event.target.files?.[0] ?? null)} required />
          </fieldset>
          <div className="round-actions">
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? 'Wird erfasst …' : 'Als auf Papier unterzeichnet erfassen'}
            </button>
          </div>
        </form>
      </main>
    </>
  );
}
