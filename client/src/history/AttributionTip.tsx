import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type * as Y from 'yjs';
import { formatDateTime } from '../../../shared/format.js';
import { historyApi } from './historyApi.js';
import { ATTRIBUTION_TIP_ID } from './historyMarks.js';
import type { HistoryStore } from './historyStore.js';
import type { Author, EntryAttribution } from './types.js';

/**
 * Who wrote what, fetched when first asked and again once the document changed since: a hover
 * should not cost a request per entry, and an answer must not lag behind the text it describes.
 */
function useAttribution(agreementId: string, ydoc: Y.Doc, wanted: boolean) {
  const [changes, setChanges] = useState(0);
  const [answer, setAnswer] = useState<{ byId: Map<string, EntryAttribution>; changes: number } | null>(null);
  useEffect(() => {
    const count = () => setChanges((n) => n + 1);
    ydoc.on('update', count);
    return () => ydoc.off('update', count);
  }, [ydoc]);
  useEffect(() => {
    if (!wanted || answer?.changes === changes) return;
    let current = true;
    // While someone types, ask once the typing pauses, not at every keystroke.
    const timer = setTimeout(
      () =>
        void historyApi.attribution(agreementId).then(
          (result) => current && setAnswer({ byId: new Map(result.entries.map((entry) => [entry.entryId, entry])), changes }),
          (caught: unknown) => console.error(`attribution of ${agreementId} failed`, caught),
        ),
      answer === null ? 0 : 500,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [agreementId, wanted, changes, answer]);
  return answer?.byId ?? null;
}

const line = (what: string, by: Author | null, at: number | null) => `${what} ${by ? `von ${by.name}` : '(Urheber unbekannt)'}${at === null ? '' : `, ${formatDateTime(at)}`}`;

/** Where the tip stands: under the entry, inside the window. */
function placeOf(entryId: string): { top: number; left: number } | null {
  const element = document.querySelector(`.agreement-body .project-entry[data-entry-id="${CSS.escape(entryId)}"]`);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return { top: rect.bottom + 4, left: Math.max(8, Math.min(rect.left, window.innerWidth - 360)) };
}

/**
 * „Wer hat das geschrieben": a tooltip under the §5 entry that the pointer is over or the caret
 * (or, read-only, the focus) is in. The entry names it with aria-describedby (historyMarks.ts),
 * so a screen reader reads it with the entry.
 */
export function AttributionTip({ agreementId, ydoc, store }: { agreementId: string; ydoc: Y.Doc; store: HistoryStore }) {
  const active = useSyncExternalStore(store.subscribe, () => store.get().active);
  const byId = useAttribution(agreementId, ydoc, active !== null);
  const [, setScrolled] = useState(0);
  useEffect(() => {
    if (!active) return;
    const follow = () => setScrolled((n) => n + 1);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [active]);

  if (!active) return null;
  const place = placeOf(active.entryId);
  if (!place) return null;
  const entry = byId?.get(active.entryId);
  const text = !byId ? 'Autorenschaft wird geladen …' : entry ? `${line('Angelegt', entry.createdBy, entry.createdAt)}. ${line('Zuletzt geändert', entry.changedBy, entry.changedAt)}.` : 'Noch nicht gespeichert.';
  return createPortal(
    <div id={ATTRIBUTION_TIP_ID} role="tooltip" className="attribution-tip" style={{ top: place.top, left: place.left }}>
      {text}
    </div>,
    document.body,
  );
}
