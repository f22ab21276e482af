import type { ConnectionSnapshot } from '../collab/connection.js';

const TEXT = {
  saved: 'Alle Änderungen gespeichert',
  saving: 'Wird gespeichert …',
  offline: 'Offline',
  refused: 'Verbindung abgelehnt',
} as const;

/** Says only what the server has confirmed (see collab/saveState.ts). */
export function SaveIndicator({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const state = snapshot.refused ? 'refused' : snapshot.status;
  return (
    <p className={`save-indicator save-${state}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
