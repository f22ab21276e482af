import type { ConnectionSnapshot } from '../collab/connection.js';

const TEXT = {
  saved: 'Alle Änderungen gespeichert',
  saving: 'Wird gespeichert …',
  offline: 'Offline',
  refused: 'Verbindung abgelehnt',
  lost: 'Änderungen nicht gespeichert – siehe Hinweis oben',
} as const;

/** Offline with changes that so far live only in this browser's IndexedDB (collab/offlineChanges.ts). */
const offlineWith = (pending: number) => `Offline – ${pending} ${pending === 1 ? 'Änderung' : 'Änderungen'} nur in diesem Browser`;

/** Says only what the server has confirmed (see collab/saveState.ts). */
export function SaveIndicator({ snapshot }: { snapshot: ConnectionSnapshot }) {
  // Changes this browser kept could not be saved: never "Alle Änderungen gespeichert" beside that notice.
  const state = snapshot.lost ? 'lost' : snapshot.refused ? 'refused' : snapshot.status;
  return (
    <p className={`save-indicator save-${state}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {state === 'offline' && snapshot.pending > 0 ? offlineWith(snapshot.pending) : TEXT[state]}
    </p>
  );
}
