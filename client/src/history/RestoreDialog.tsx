import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { useAction } from '../signoff/useAction.js';
import { historyApi } from './historyApi.js';
import type { RestoreResult, VersionSummary } from './types.js';
import { versionLabel } from './wording.js';

/**
 * „Wiederherstellen": asks before § 5 goes back to a version. The server applies it as a new change
 * (everyone sees it live, undo works), so nothing of the history is lost.
 */
export function RestoreDialog(props: { agreementId: string; version: VersionSummary | null; onClose: () => void; onDone: (result: RestoreResult) => void }) {
  const { agreementId, version, onClose, onDone } = props;
  const restoring = useAction(version !== null);
  async function confirm() {
    if (!version) return;
    let result: RestoreResult | null = null;
    const restore = async () => {
      result = await historyApi.restore(agreementId, version.id);
    };
    if ((await restoring.run(restore, 'Die Fassung konnte nicht wiederhergestellt werden.')) && result) {
      onDone(result);
      onClose();
    }
  }
  return (
    <ConfirmDialog
      open={version !== null}
      title="Fassung wiederherstellen"
      confirmLabel="Wiederherstellen"
      pendingLabel="Wird wiederhergestellt …"
      pending={restoring.pending}
      error={restoring.error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <p>
        Die Projektliste in § 5 wird auf den Stand der Fassung <strong>{version ? versionLabel(version) : ''}</strong> gebracht. Das geschieht als neue Änderung: alle
        Beteiligten sehen sie sofort, der jetzige Stand bleibt im Verlauf erhalten und lässt sich wiederherstellen.
      </p>
    </ConfirmDialog>
  );
}
