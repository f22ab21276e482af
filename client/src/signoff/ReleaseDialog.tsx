import type * as Y from 'yjs';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { focusThread, useOpenPoints } from './useOpenPoints.js';

interface Props {
  ydoc: Y.Doc;
  open: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * "Zur Zeichnung freigeben" is a decision for both sides: this says what happens and names what
 * still stands in the way (open comments, an empty §5), each open comment with a way to it.
 */
export function ReleaseDialog({ ydoc, open, pending, error, onConfirm, onClose }: Props) {
  const points = useOpenPoints(ydoc, open);
  const threads = points?.threads ?? [];
  const emptyList = points !== null && points.projectCount === 0;
  const blocked = threads.length > 0 || emptyList;

  const goTo = (threadId: string) => {
    onClose();
    // After the dialog has closed and given the focus back, the thread takes it.
    requestAnimationFrame(() => focusThread(threadId));
  };

  return (
    <ConfirmDialog
      open={open}
      title="Zur Zeichnung freigeben?"
      confirmLabel="Verbindlich freigeben"
      pendingLabel="Wird freigegeben …"
      pending={pending}
      blocked={blocked}
      error={error}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <ul className="release-consequences">
        <li>Der Text wird für beide Seiten eingefroren: niemand kann §&nbsp;5 dann noch ändern.</li>
        <li>Die Zeichnungsberechtigten beider Seiten können danach unterzeichnen, in beliebiger Reihenfolge.</li>
        <li>Kommentare bleiben möglich, etwa für Rückfragen vor der Unterschrift; sie ändern den Text nicht.</li>
        <li>Wer die Vereinbarung zur Überarbeitung zurückholt, macht bereits geleistete Unterschriften ungültig.</li>
      </ul>
      {blocked ? (
        <div className="notice notice-error release-open-points">
          <p className="notice-title">Vor der Freigabe noch offen:</p>
          <ul>
            {emptyList && <li>Die Projektliste in §&nbsp;5 ist leer.</li>}
            {threads.map((thread) => (
              <li key={thread.id}>
                <button type="button" className="link-button" onClick={() => goTo(thread.id)}>
                  Offener Kommentar zu „{thread.entryTitle || 'Projekt ohne Titel'}“
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="dialog-hint">Keine offenen Punkte: keine offenen Kommentare, §&nbsp;5 enthält Projekte.</p>
      )}
    </ConfirmDialog>
  );
}
