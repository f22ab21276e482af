import type { FormEvent } from 'react';
import { useAction } from '../signoff/useAction.js';
import { useModal } from '../signoff/useModal.js';
import { DialogFooter } from '../ui/DialogFooter.js';
import { historyApi } from './historyApi.js';

/** Longest name of a version; the server refuses a longer one in any case. */
const NAME_MAX = 120;

/** „Fassung sichern": keeps the document as it is now under a name, for both parties to compare with later. */
export function SaveVersionDialog({ agreementId, open, onClose, onDone }: { agreementId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const dialog = useModal(open);
  const { error, setError, pending, run } = useAction(open);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name === '') return setError('Bitte geben Sie der Fassung einen Namen.');
    if (await run(() => historyApi.saveVersion(agreementId, name).then(() => undefined), 'Die Fassung konnte nicht gesichert werden.')) {
      onDone();
      onClose();
    }
  }

  return (
    <dialog ref={dialog} className="dialog history-dialog" aria-labelledby="save-version-title" onClose={onClose}>
      {open && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="save-version-title">Fassung sichern</h2>
          <p className="dialog-hint">Der jetzige Stand wird unter diesem Namen gesichert. Beide Seiten können später mit ihm vergleichen.</p>
          <label htmlFor="version-name">Name der Fassung</label>
          <input id="version-name" name="name" type="text" maxLength={NAME_MAX} required aria-invalid={error !== null} data-autofocus autoComplete="off" />
          <DialogFooter error={error} pending={pending} submitLabel="Sichern" pendingLabel="Wird gesichert …" onCancel={onClose} />
        </form>
      )}
    </dialog>
  );
}
