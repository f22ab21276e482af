import { STATUS_LABELS, type AgreementStatus } from '../../../shared/api.js';
import type { Connection } from '../collab/connection.js';
import { useAgreementStatus } from '../collab/useAgreementStatus.js';

const isStatus = (value: string): value is AgreementStatus => value in STATUS_LABELS;

/** The agreement's status as the server writes it, live: a release or a signature shows at once. */
export function LiveStatusBadge({ connection, fallback }: { connection: Connection | null; fallback: AgreementStatus }) {
  return connection ? <Live connection={connection} fallback={fallback} /> : <Badge status={fallback} />;
}

function Live({ connection, fallback }: { connection: Connection; fallback: AgreementStatus }) {
  const live = useAgreementStatus(connection.ydoc, fallback);
  return <Badge status={isStatus(live) ? live : fallback} />;
}

function Badge({ status }: { status: AgreementStatus }) {
  return (
    <span className={`status-badge status-${status}`} data-status={status} aria-live="polite">
      {STATUS_LABELS[status]}
    </span>
  );
}
