import { useId, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/accounts/types.js';
import { PASSWORD_RULE } from '../../../shared/accounts/password.js';
import { DialogFooter } from '../ui/DialogFooter.js';
import { generateOneTimePassword } from './usersApi.js';

/** A new one-time password for someone who forgot theirs: their sessions end, and they must choose their own at the next login. */
export function OneTimePasswordForm(props: { user: UserSummary; error: string | null; pending: boolean; onSubmit: (password: string) => void; onCancel: () => void }) {
  const { user, error, pending, onSubmit, onCancel } = props;
  const id = useId();
  const [password, setPassword] = useState(generateOneTimePassword);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="user-dialog-title">Einmalpasswort für {user.displayName}</h2>
      <p className="dialog-hint">Die bisherigen Sitzungen enden sofort. Bei der nächsten Anmeldung muss {user.displayName} ein eigenes Passwort festlegen.</p>
      <label htmlFor={`${id}-password`}>Einmalpasswort</label>
      <div className="password-row">
        <input id={`${id}-password`} value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${id}-hint`} data-autofocus autoFocus />
        <button type="button" className="button" onClick={() => setPassword(generateOneTimePassword())}>
          Neu erzeugen
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {PASSWORD_RULE}
      </p>
      <DialogFooter error={error} pending={pending} submitLabel="Einmalpasswort setzen" pendingLabel="Wird gesetzt …" onCancel={onCancel} />
    </form>
  );
}
