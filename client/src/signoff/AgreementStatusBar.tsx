import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { STATUS_LABELS, type AgreementDetail } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { ROOT } from '../../../shared/protocol.js';
import type { Connection } from '../collab/connection.js';
import { useAgreementStatus } from '../collab/useAgreementStatus.js';

/** The id of the Zeichnung panel (SignoffPanel), the target of the jump. */
export const SIGNOFF_PANEL_ID = 'zeichnung';

/** The round's deadline, when the agreement carries one (ISO date); older servers send none. */
function deadlineOf(detail: AgreementDetail): string | null {
  return 'deadline' in detail && typeof detail.deadline === 'string' && detail.deadline !== '' ? detail.deadline : null;
}

function useSignatureCount(connection: Connection): number {
  const map = connection.ydoc.getMap<unknown>(ROOT.signatures);
  return useSyncExternalStore(
    (listener) => {
      map.observe(listener);
      return () => map.unobserve(listener);
    },
    () => map.size,
  );
}

function jumpToSignoff(event: MouseEvent<HTMLAnchorElement>) {
  const panel = document.getElementById(SIGNOFF_PANEL_ID);
  if (!panel) return;
  event.preventDefault();
  panel.scrollIntoView({ block: 'start' });
  panel.focus({ preventScroll: true });
}

/**
 * Where am I: a compact bar under the header with the status (live), the signatures so far, the
 * deadline when there is one, the page's own `actions` (Verlauf), and a jump to the Zeichnung panel
 * below the long document.
 */
export function AgreementStatusBar({ detail, connection, actions }: { detail: AgreementDetail; connection: Connection; actions?: ReactNode }) {
  const status = useAgreementStatus(connection.ydoc, detail.status);
  const signatures = useSignatureCount(connection);
  const deadline = deadlineOf(detail);
  return (
    <div className="status-bar" role="region" aria-label="Stand der Vereinbarung">
      <span className="status-bar-item">
        {/* Not a live region: the header's badge announces a change already. */}
        Stand:{' '}
        <span className={`status-badge status-${status}`} data-status={status}>
          {STATUS_LABELS[status]}
        </span>
      </span>
      {status !== 'draft' && (
        <span className="status-bar-item">Unterschriften: {status === 'final' ? 2 : signatures} von 2</span>
      )}
      {deadline && <span className="status-bar-item">Frist: {formatDate(deadline)}</span>}
      {actions}
      <a className="status-bar-jump" href={`#${SIGNOFF_PANEL_ID}`} onClick={jumpToSignoff}>
        Zur Zeichnung ↓
      </a>
    </div>
  );
}
