import type { FormEvent } from 'react';
import type { SigningParty } from '../../../shared/api.js';
import { checkInput } from '../../../shared/schemas/issues.js';
import { SignRequestSchema } from '../../../shared/schemas/signoff.js';
import { MAX_PLACE_LENGTH, shortHash } from '../../../shared/signoff.js';
import { DialogFooter } from '../ui/DialogFooter.js';
import { signoffApi } from './signoffApi.js';
import { useAction } from './useAction.js';
import { useModal } from './useModal.js';

/**
 * Signing one's own party's block: the signer confirms the place (prefilled with the party's seat)
 * and enters the password again. The request carries the hash of the text the signer saw; the
 * server refuses it if the text has been released anew since.
 */
export function SignDialog(props: {
  agreementId: string;
  party: SigningParty;
  partyName: string;
  seat: string;
  hash: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { agreementId, party, partyName, seat, hash, open, onClose, onDone } = props;
  const dialog = useModal(open);
  const { error, setError, pending, run } = useAction(open);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = checkInput(SignRequestSchema, { place: String(form.get('place') ?? ''), password: String(form.get('password') ?? ''), hash });
    if (!request.ok) return setError(request.message);
    if (await run(() => signoffApi.sign(agreementId, request.value).then(() => undefined), 'Die Unterschrift konnte nicht gespeichert werden.')) {
      onDone();
      onClose();
    }
  }

  return (
    <dialog ref={dialog} className="dialog signoff-dialog" aria-labelledby="sign-title" onClose={onClose}>
      {open && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id="sign-title">Unterzeichnen für {party === 'ministry' ? 'das Ministerium' : partyName}</h2>
          <p className="dialog-hint">
            Sie unterzeichnen den freigegebenen Text mit dem Prüfwert <code className="signoff-hash">SHA-256 {shortHash(hash)}</code>. Lesen Sie ihn vorher im
            Dokument oder als{' '}
            <a href={signoffApi.pdfUrl(agreementId)} target="_blank" rel="noopener">
              PDF
            </a>
            . Datum ist das heutige Datum des Servers.
          </p>
          <label htmlFor="sign-place">Ort</label>
          <input id="sign-place" name="place" defaultValue={seat} maxLength={MAX_PLACE_LENGTH} autoComplete="off" required />
          <label htmlFor="sign-password">Ihr Passwort (zur Bestätigung)</label>
          <input id="sign-password" name="password" type="password" autoComplete="current-password" required data-autofocus aria-invalid={error !== null} />
          <DialogFooter error={error} pending={pending} submitLabel="Verbindlich unterzeichnen" pendingLabel="Wird unterzeichnet …" onCancel={onClose} />
        </form>
      )}
    </dialog>
  );
}
