import { useState, type FormEvent } from 'react';
import { formatEuro } from '../../../shared/format.js';
import { AmountInputSchema } from '../../../shared/schemas/fields.js';
import { checkInput } from '../../../shared/schemas/issues.js';
import { api, ApiError } from '../api.js';
import { useModal } from '../signoff/useModal.js';
import { DialogFooter } from '../ui/DialogFooter.js';

/**
 * The §4 field control of a ministry editor. The amount is a field, not text: the server checks
 * and records the change and writes it into the Y.Doc, from where every open editor shows it.
 */
export function AmountDialog(props: {
  agreementId: string;
  amountCents: number;
  open: boolean;
  onClose: () => void;
  onUnauthenticated: () => void;
}) {
  const { agreementId, amountCents, open, onClose, onUnauthenticated } = props;
  const dialog = useModal(open);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // The next opening starts without the last refusal.
  const close = () => {
    setError(null);
    onClose();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The amount rule of the request (shared/schemas/fields.ts), on what was typed: the same
    // German message as the server's, before anything is sent.
    const amount = checkInput(AmountInputSchema, String(new FormData(event.currentTarget).get('amount') ?? ''));
    if (!amount.ok) {
      setError(amount.message);
      return;
    }
    setPending(true);
    setError(null);
    try {
      // The new text reaches this editor like every other one: the server writes the field into the Y.Doc.
      await api.patchFields(agreementId, { amountCents: amount.value });
      close();
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.status === 401) onUnauthenticated();
      setError(caught instanceof Error ? caught.message : 'Der Betrag konnte nicht gespeichert werden.');
    } finally {
      setPending(false);
    }
  }

  const current = formatEuro(amountCents).replace(/ Euro$/, '');
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="amount-title" onClose={close}>
      {open && (
        <form method="dialog" onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="amount-title">§&nbsp;4 – Haushaltsmittel ändern</h2>
          <p className="dialog-hint">Der Betrag wird für alle Beteiligten sofort im Text der Zielvereinbarung angezeigt.</p>
          <label htmlFor="amount-input">Betrag in Euro</label>
          <input
            id="amount-input"
            name="amount"
            defaultValue={current}
            inputMode="decimal"
            autoComplete="off"
            aria-describedby="amount-format"
            aria-invalid={error !== null}
            autoFocus
          />
          <p id="amount-format" className="field-hint">
            z. B. 462.800 oder 462.800,50
          </p>
          <DialogFooter error={error} pending={pending} submitLabel="Betrag speichern" pendingLabel="Wird gespeichert …" onCancel={close} />
        </form>
      )}
    </dialog>
  );
}
