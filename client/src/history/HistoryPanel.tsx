import { useEffect, useRef, useState } from 'react';
import type { AgreementDetail } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import type { Connection } from '../collab/connection.js';
import { ComparePicker } from './ComparePicker.js';
import { CompareSummary } from './CompareSummary.js';
import { historyApi } from './historyApi.js';
import { HistoryList } from './HistoryList.js';
import type { HistoryStore } from './historyStore.js';
import { RestoreDialog } from './RestoreDialog.js';
import { SaveVersionDialog } from './SaveVersionDialog.js';
import { UndoRestore } from './UndoRestore.js';
import type { CompareSide, HistoryCategory, RestoreResult, VersionRef, VersionSummary } from './types.js';
import { useHistoryData } from './useHistoryData.js';
import { VersionList } from './VersionList.js';
import { versionLabel } from './wording.js';

const CATEGORIES: readonly { value: HistoryCategory; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'comments', label: 'Kommentare' },
  { value: 'signoff', label: 'Zeichnung' },
];

/**
 * The panel starts under the editor's toolbar (sticky at the top), so that the header, the
 * toolbar and „Alle Änderungen gespeichert" stay in view beside it, and follows it as the page scrolls.
 */
function useTopBelowToolbar(): number {
  const measure = () => Math.max(0, document.querySelector('.editor-bar')?.getBoundingClientRect().bottom ?? 0);
  const [top, setTop] = useState(measure);
  useEffect(() => {
    const follow = () => setTop(measure());
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, []);
  return top;
}

const sideLabel = (ref: VersionRef) => (ref.kind === 'now' ? `jetzt (${formatDateTime(ref.at)})` : versionLabel(ref.version));

interface Props {
  detail: AgreementDetail;
  connection: Connection;
  store: HistoryStore;
  /** Editors of either party may keep a version; restoring needs a draft as well. */
  maySave: boolean;
  mayRestore: boolean;
  onClose: () => void;
}

/**
 * The Verlauf panel beside the document: what happened (filtered by kind), the versions, and the
 * comparison of two of them, which the document shows while the panel is open. Not modal, so the
 * document stays readable and focusable beside it; Escape closes it.
 */
export function HistoryPanel({ detail, connection, store, maySave, mayRestore, onClose }: Props) {
  const { events, versions, error, refresh } = useHistoryData(detail.id, connection.ydoc, true);
  const [categories, setCategories] = useState<HistoryCategory[]>(['text', 'comments', 'signoff']);
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [comparison, setComparison] = useState(store.get().comparison);
  const heading = useRef<HTMLHeadingElement>(null);

  const top = useTopBelowToolbar();
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => store.subscribe(() => setComparison(store.get().comparison)), [store]);

  async function compare(from: CompareSide, to: CompareSide) {
    setComparing(true);
    setCompareError(null);
    try {
      const diff = await historyApi.compare(detail.id, from, to);
      store.showComparison({ diff, key: `${from}-${to}-${Date.now()}`, fromLabel: sideLabel(diff.from), toLabel: sideLabel(diff.to) });
      // The marks are drawn on the next frame; then the document shows the first of them.
      requestAnimationFrame(() => document.querySelector('.agreement-body :is(.history-field-changes, .history-change, .history-ghost-entry, .history-ghost-groups, .history-group-added)')?.scrollIntoView({ block: 'center' }));
    } catch (caught: unknown) {
      setCompareError(caught instanceof Error ? caught.message : 'Der Vergleich ist fehlgeschlagen.');
    } finally {
      setComparing(false);
    }
  }

  function print() {
    const root = document.documentElement;
    root.classList.add('print-compare');
    window.addEventListener('afterprint', () => root.classList.remove('print-compare'), { once: true });
    window.print();
  }

  // Escape inside the panel, or with the focus nowhere in particular, closes it; not in a dialog
  // above it, nor in the document (where Escape closes the tooltip).
  useEffect(() => {
    function closeOnEscape(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const inPanel = target?.closest('.history-panel') !== null && target?.closest('dialog') === null;
      if (!inPanel && target !== document.body) return;
      event.preventDefault();
      onClose();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  const toggle = (category: HistoryCategory, on: boolean) => setCategories((now) => (on ? [...now, category] : now.filter((c) => c !== category)));
  const newestFirst = events ? [...events].reverse() : null;

  return (
    <aside className="history-panel" id="verlauf" aria-labelledby="history-title" style={{ top }}>
      <div className="history-panel-head">
        <h2 id="history-title" ref={heading} tabIndex={-1}>
          Verlauf
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Schließen
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <h3>Vergleichen</h3>
      {versions && versions.length > 0 ? (
        <ComparePicker versions={versions} pending={comparing} onCompare={(from, to) => void compare(from, to)} />
      ) : (
        <p className="signoff-muted">Zum Vergleichen braucht es mindestens eine Fassung.</p>
      )}
      {compareError && (
        <p className="form-error" role="alert">
          {compareError}
        </p>
      )}
      {comparison && (
        <>
          <CompareSummary comparison={comparison} agreementTitle={detail.title} onPrint={print} />
          <button type="button" className="button button-quiet" onClick={() => store.showComparison(null)}>
            Vergleich beenden
          </button>
        </>
      )}

      <div className="history-section-head">
        <h3>Fassungen</h3>
        {maySave && (
          <button type="button" className="button" onClick={() => setSaving(true)} aria-haspopup="dialog">
            Fassung sichern
          </button>
        )}
      </div>
      {restored && (
        <UndoRestore agreementId={detail.id} restored={restored} mayRestore={mayRestore} onDone={(next) => {
            setRestored(next);
            refresh();
          }}
        />
      )}
      <VersionList versions={versions} mayRestore={mayRestore} onRestore={setRestoring} />

      <h3>Ereignisse</h3>
      <fieldset className="history-filters">
        <legend>Anzeigen</legend>
        {CATEGORIES.map(({ value, label }) => (
          <label key={value}>
            <input type="checkbox" checked={categories.includes(value)} onChange={(event) => toggle(value, event.target.checked)} /> {label}
          </label>
        ))}
      </fieldset>
      <HistoryList events={newestFirst} partner={detail.fields.partner} categories={categories} className="history-events" label="Ereignisse, neueste zuerst" />

      <SaveVersionDialog agreementId={detail.id} open={saving} onClose={() => setSaving(false)} onDone={refresh} />
      <RestoreDialog
        agreementId={detail.id}
        version={restoring}
        onClose={() => setRestoring(null)}
        onDone={(result) => {
          setRestored(result);
          refresh();
        }}
      />
    </aside>
  );
}
