import { useEffect, useRef } from 'react';
import type { AgreementDetail, SessionUser } from '../../../shared/api.js';
import { can, roleAllows } from '../../../shared/permissions.js';
import type { Connection } from '../collab/connection.js';
import { useAgreementStatus } from '../collab/useAgreementStatus.js';
import { AttributionTip } from './AttributionTip.js';
import { FieldNotices } from './FieldNotices.js';
import { HistoryPanel } from './HistoryPanel.js';
import type { HistoryView } from './useHistoryView.js';
import '../styles/history.css';

export const HISTORY_BUTTON_ID = 'verlauf-oeffnen';

/** „Verlauf" at the top of the page, beside the status: opens and closes the panel. */
export function HistoryButton({ view }: { view: HistoryView }) {
  return (
    <button
      type="button"
      id={HISTORY_BUTTON_ID}
      className="button history-small-button history-button"
      aria-expanded={view.open}
      aria-controls={view.open ? 'verlauf' : undefined}
      onClick={() => view.setOpen(!view.open)}
    >
      Verlauf
    </button>
  );
}

/**
 * Everything of the history around the document: the notices of changed fields above it, the
 * tooltip of who wrote an entry, and the Verlauf panel. Rights as the server has them: the
 * buttons only offer what it would allow.
 */
export function HistoryLayer({ view, detail, connection, user }: { view: HistoryView; detail: AgreementDetail; connection: Connection; user: SessionUser }) {
  const status = useAgreementStatus(connection.ydoc, detail.status);
  const maySave = roleAllows(user, 'editBody', detail.districtId);
  const mayRestore = can(user, 'editBody', { districtId: detail.districtId, status });
  const wasOpen = useRef(view.open);

  // Closed, the focus goes back to the button that opened the panel.
  useEffect(() => {
    if (wasOpen.current && !view.open) document.getElementById(HISTORY_BUTTON_ID)?.focus();
    wasOpen.current = view.open;
  }, [view.open]);

  return (
    <>
      <FieldNotices agreementId={detail.id} ydoc={connection.ydoc} />
      <AttributionTip agreementId={detail.id} ydoc={connection.ydoc} store={view.store} />
      {view.open && (
        <HistoryPanel
          detail={detail}
          connection={connection}
          store={view.store}
          maySave={maySave}
          mayRestore={mayRestore}
          onClose={() => {
            view.store.showComparison(null);
            view.setOpen(false);
          }}
        />
      )}
    </>
  );
}
