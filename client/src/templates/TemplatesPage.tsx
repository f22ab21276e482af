import { useState, type FormEvent } from 'react';
import type { TemplateVersionSummary } from '../../../shared/template/model.js';
import { Link, navigate } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';
import { NewVersionDialog } from './NewVersionDialog.js';
import { templatesApi } from './templatesApi.js';
import { formatDay, newestPublished, STATE_LABELS } from './versionLabels.js';
import '../styles/templates.css';

export const comparePath = (a: string, b: string) => `/vorlagen/${encodeURIComponent(a)}/vergleich/${encodeURIComponent(b)}`;

function VersionTable({ versions }: { versions: TemplateVersionSummary[] }) {
  return (
    <table className="templates-table">
      <caption className="visually-hidden">Vorlagenversionen</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Stand</th>
          <th scope="col">Grundlage</th>
          <th scope="col">Veröffentlicht</th>
          <th scope="col">Verwendet in</th>
          <th scope="col">
            <span className="visually-hidden">Aktionen</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version} data-version={v.version}>
            <th scope="row">
              <Link href={`/vorlagen/${encodeURIComponent(v.version)}`}>{v.label}</Link>
              <span className="templates-id">{v.version}</span>
            </th>
            <td>
              <span className={`status-badge template-state-${v.state}`}>{STATE_LABELS[v.state]}</span>
            </td>
            <td>{v.basedOn ?? '–'}</td>
            <td>{v.publishedAt === null ? '–' : `${formatDay(v.publishedAt)}${v.publishedBy ? `, ${v.publishedBy}` : ''}`}</td>
            <td className="templates-usage">{v.usage === 1 ? '1 Vereinbarung' : `${v.usage} Vereinbarungen`}</td>
            <td className="templates-actions">
              <Link href={`/vorlagen/${encodeURIComponent(v.version)}`} aria-label={`${v.label} ${v.state === 'draft' ? 'bearbeiten' : 'ansehen'}`}>
                {v.state === 'draft' ? 'Bearbeiten' : 'Ansehen'}
              </Link>
              {v.basedOn && (
                <Link href={comparePath(v.basedOn, v.version)} aria-label={`${v.label} mit ${v.basedOn} vergleichen`}>
                  Vergleichen
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** „Vergleichen": two versions, then the page that shows their differences. */
function CompareForm({ versions }: { versions: TemplateVersionSummary[] }) {
  const newest = newestPublished(versions);
  const [a, setA] = useState(newest?.basedOn ?? versions[0]?.version ?? '');
  const [b, setB] = useState(newest?.version ?? versions[1]?.version ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (a && b) navigate(comparePath(a, b));
  };
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {v.label} ({v.version})
    </option>
  ));
  return (
    <form className="templates-compare" onSubmit={submit} aria-labelledby="templates-compare-title">
      <h2 id="templates-compare-title">Vergleichen</h2>
      <label htmlFor="compare-a">Ältere Fassung</label>
      <select id="compare-a" className="templates-select" value={a} onChange={(event) => setA(event.target.value)}>
        {options}
      </select>
      <label htmlFor="compare-b">Neuere Fassung</label>
      <select id="compare-b" className="templates-select" value={b} onChange={(event) => setB(event.target.value)}>
        {options}
      </select>
      <button type="submit" className="button" disabled={a === b}>
        Vergleichen
      </button>
    </form>
  );
}

/** „Vorlagen" (ministry): every template version, its state and use; new drafts and comparisons. */
export function TemplatesPage() {
  const heading = usePageTitle('Vorlagen');
  const state = useResource(() => templatesApi.list(), 'templates');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <AppHeader />
      <main className="page page-wide templates-page">
        <div className="templates-head">
          <h1 ref={heading} tabIndex={-1}>
            Vorlagen
          </h1>
          {state.kind === 'loaded' && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              Neue Fassung
            </button>
          )}
        </div>
        <p className="field-hint">Der Vertragstext jedes Jahres ist eine Version. Veröffentlichte Versionen ändern sich nie; Vereinbarungen behalten die Version, mit der sie angelegt wurden.</p>
        {state.kind === 'loading' && <p className="page-status">Wird geladen …</p>}
        {state.kind === 'error' && (
          <Notice tone="error" title="Die Vorlagen können nicht geladen werden">
            {state.message}
          </Notice>
        )}
        {state.kind === 'loaded' && (
          <>
            <VersionTable versions={state.value} />
            {state.value.length > 1 && <CompareForm versions={state.value} />}
            {creating && <NewVersionDialog open versions={state.value} onClose={() => setCreating(false)} />}
          </>
        )}
      </main>
    </>
  );
}
