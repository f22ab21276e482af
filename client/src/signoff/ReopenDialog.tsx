import type { FormEvent } from 'react';
import type { SignatureInfo } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { checkInput } from '../../../shared/schemas/issues.js';
import { ReopenRequestSchema } from '../../../shared/schemas/signoff.js';
import { MAX_REASON_LENGTH } from '../../../shared/signoff.js';
import { DialogFooter } from '../ui/DialogFooter.js';
import { signoffApi } from './signoffApi.js';
import { useAction } from './useAction.js';
import { useModal } from './useModal.js';

/** "Zur Überarbeitung zurückholen": asks for a reason and says which signatures it voids, before it happens. */
export function ReopenDialog(props: { agreementId: string; signatures: SignatureInfo[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const { agreementId, signatures, open, onClose, onDone } = props;
  const dialog = useModal(open);
  const { error, setError, pending, run } = useAction(open);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = checkInput(ReopenRequestSchema, { reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
    if (!request.ok) return setError(request.message);
    if (await run(() => signoffApi.reopen(agreementId, request.value).then(() => undefined), 'Die Vereinbarung konnte nicht zurückgeholt werden.')) {
      onDone();
      onClose();
    }
  }

  return (
    <dialog ref={dialog} className="dialog signoff-dialog" aria-labelledby="reopen-title" onClose={onClose}>
      {open && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="reopen-title">Zur Überarbeitung zurückholen</h2>
          <p className="dialog-hint">Die Vereinbarung wird wieder zum Entwurf; § 5 kann dann wieder bearbeitet werden. Danach muss sie erneut freigegeben werden.</p>
          {signatures.length > 0 && (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">Bereits geleistete Unterschriften werden ungültig:</p>
              <ul className="signoff-voided">
                {signatures.map((s) => (
                  <li key={s.party}>
                    {s.name}, {s.place}, {formatDate(s.date)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <label htmlFor="reopen-reason">Begründung</label>
          <textarea id="reopen-reason" name="reason" rows={4} maxLength={MAX_REASON_LENGTH} required aria-invalid={error !== null} data-autofocus />
          <DialogFooter
            error={error}
            pending={pending}
            submitLabel={signatures.length > 0 ? 'Zurückholen und Unterschriften aufheben' : 'Zurückholen'}
            pendingLabel="Wird zurückgeholt …"
            onCancel={onClose}
          />
        </form>
      )}
    </dialog>
  );
}
