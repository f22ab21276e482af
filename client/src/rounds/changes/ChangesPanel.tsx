import type { Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { formatEuro } from '../../../../shared/format.js';
import type { ChangesSincePrevious } from '../../../../shared/rounds/types.js';
import { roundsApi } from '../api.js';
import { changeMarksKey, type ChangeMarksStore } from './changeMarks.js';
import './changes.css';

function amountChange({ from, to }: ChangesSincePrevious['amount']): string {
  if (from === null) return `${formatEuro(to)} (im Vorjahr kein Betrag)`;
  if (from === to) return `unverändert ${formatEuro(to)}`;
  const delta = to - from;
  return `${formatEuro(from)} → ${formatEuro(to)} (${delta > 0 ? '+' : '-'}${formatEuro(Math.abs(delta))})`;
}

function List({ title, items }: { title: string; items: { key: string; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * Where the open panel starts: just below its toggle. The editor bar wraps to two rows at some
 * widths, so a fixed offset from the top laid the panel over the toggle that closes it.
 */
function usePanelTop(on: boolean, toggle: RefObject<HTMLButtonElement | null>): number | null {
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!on) return;
    const place = () => {
      const rect = toggle.current?.getBoundingClientRect();
      if (rect) setTop(Math.round(rect.bottom + 6));
    };
    place();
    // The bar is sticky: scrolling moves the toggle up until the bar sticks, so the panel follows.
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { capture: true, passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, { capture: true });
    };
  }, [on, toggle]);
  return top;
}

/**
 * „Änderungen gegenüber <Vorjahr>": a toggle for both parties on a carried-over agreement. On, it
 * asks the server for the changes (by lineage of entry ids), lists them and marks them in §5.
 */
export function ChangesPanel({ editor, agreementId, store }: { editor: Editor; agreementId: string; store: ChangeMarksStore }) {
  const [changes, setChanges] = useState<ChangesSincePrevious | null>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const panelTop = usePanelTop(on, toggleButton);

  // Asked once on opening, to know whether there is a previous year at all; again on every switch-on.
  useEffect(() => {
    let current = true;
    roundsApi.changes(agreementId).then(
      (value) => current && setChanges(value),
      (caught: unknown) => console.error(`changes of ${agreementId} failed`, caught),
    );
    return () => {
      current = false;
    };
  }, [agreementId]);

  useEffect(() => {
    store.set(on ? changes : null);
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(changeMarksKey, true));
  }, [on, changes, store, editor]);

  if (!changes?.previous) return null;
  const year = changes.previous.year;

  async function toggle() {
    if (on) return setOn(false);
    setError(null);
    try {
      setChanges(await roundsApi.changes(agreementId));
      setOn(true);
    } catch (caught: unknown) {
      setError(caught instanceof Error ? caught.message : 'Die Änderungen konnten nicht geladen werden.');
    }
  }

  const count = changes.added.length + changes.removed.length + changes.renamed.length + changes.moved.length;
  return (
    <div
      className="changes"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !on) return;
        setOn(false);
        toggleButton.current?.focus();
      }}
    >
      <button ref={toggleButton} type="button" className="tool-button changes-toggle" aria-pressed={on} aria-controls={on ? 'changes-panel' : undefined} onClick={() => void toggle()}>
        Änderungen gegenüber {year}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {on && (
        <section id="changes-panel" className="changes-panel" aria-labelledby="changes-title" tabIndex={-1} style={panelTop === null ? undefined : { top: panelTop }}>
          <h2 id="changes-title">Änderungen gegenüber {year}</h2>
          <p>
            <strong>§&nbsp;4 Betrag:</strong> {amountChange(changes.amount)}
          </p>
          {count === 0 && <p>In §&nbsp;5 hat sich gegenüber {year} nichts geändert.</p>}
          <List title="Neu" items={changes.added.map((e) => ({ key: e.id, text: e.title }))} />
          <List title="Entfernt" items={changes.removed.map((e) => ({ key: e.id, text: e.title }))} />
          <List title="Umbenannt" items={changes.renamed.map((e) => ({ key: e.id, text: `„${e.from}“ → „${e.title}“` }))} />
          <List title="In andere Maßnahmenart verschoben" items={changes.moved.map((e) => ({ key: e.id, text: `${e.title} (Maßnahmenart ${e.fromMeasureType} → ${e.toMeasureType})` }))} />
          {count > 0 && <p className="field-hint">In §&nbsp;5 sind die geänderten Projekte markiert und beschriftet.</p>}
        </section>
      )}
    </div>
  );
}
