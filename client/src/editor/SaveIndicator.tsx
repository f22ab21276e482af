import type { ConnectionSnapshot } from '../collab/connection.js';

const TEXT = {
  saved: 'Alle Änderungen gespeichert',
  saving: 'Wird gespeichert …',
  offline: 'Offline',
  refused: 'Verbindung abgelehnt',
} as const;

/** Offline with changes that so far live only in this browser's IndexedDB (collab/offlineChanges.ts). */
const offlineWith = (pending: number) => `Offline – ${pending} ${pending === 1 ? 'Änderung' : 'Änderungen'} nur in diesem Browser`;

/** Says only what the server has confirmed (see collab/saveState.ts). */
export function SaveIndicator({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const state = snapshot.refused ? 'refused' : snapshot.status;
  return (
    <p className={`save-indicator save-${state}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {state === 'offline' && snapshot.pending > 0 ? offlineWith(snapshot.pending) : TEXT[state]}
    </p>
  );
}
