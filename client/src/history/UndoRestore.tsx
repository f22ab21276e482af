import { useAction } from '../signoff/useAction.js';
import { historyApi } from './historyApi.js';
import type { RestoreResult } from './types.js';

/**
 * After a restore: it is undone by restoring the version the server kept just before it (a client's
 * undo covers only its own typing), again as a forward change, which keeps a version of its own.
 */
export function UndoRestore({ agreementId, restored, mayRestore, onDone }: { agreementId: string; restored: RestoreResult; mayRestore: boolean; onDone: (result: RestoreResult | null) => void }) {
  const undo = useAction();
  const { before } = restored;
  async function run() {
    let result: RestoreResult | null = null;
    const restore = async () => {
      if (before) result = await historyApi.restore(agreementId, before.id);
    };
    if (await undo.run(restore, 'Die Wiederherstellung konnte nicht rückgängig gemacht werden.')) onDone(result);
  }
  return (
    <div className="history-restored" role="status">
      <p>{before ? '§ 5 ist wiederhergestellt. Der Stand davor ist als Fassung gesichert.' : '§ 5 hatte schon den Stand dieser Fassung; nichts wurde geändert.'}</p>
      {before && mayRestore && (
        <button type="button" className="button history-small-button" disabled={undo.pending} onClick={() => void run()}>
          Rückgängig machen
        </button>
      )}
      {undo.error && (
        <p className="form-error" role="alert">
          {undo.error}
        </p>
      )}
    </div>
  );
}
