import { useId, useState, type FormEvent } from 'react';
import type { CurrentUser } from '../../../shared/accounts/types.js';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE } from '../../../shared/accounts/password.js';
import { useAction } from '../signoff/useAction.js';
import { accountApi } from './accountApi.js';

/**
 * Choosing a new password with the current one: on „Mein Konto“ and, with the one-time
 * password as the current one, right after the first login. The server checks the rule again
 * (and the list of known passwords, which the browser does not get).
 */
export function PasswordForm({ currentLabel, submitLabel, onChanged }: { currentLabel: string; submitLabel: string; onChanged: (user: CurrentUser) => void }) {
  const id = useId();
  const { error, setError, pending, run } = useAction();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('current') ?? '');
    const newPassword = String(data.get('new') ?? '');
    setDone(false);
    if (!currentPassword) return setError(`Bitte ${currentLabel === 'Einmalpasswort' ? 'das Einmalpasswort' : 'Ihr bisheriges Passwort'} eingeben.`);
    if ([...newPassword].length < MIN_PASSWORD_LENGTH) return setError(`Das neue Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`);
    if (newPassword !== String(data.get('repeat') ?? '')) return setError('Die beiden neuen Passwörter stimmen nicht überein.');
    const ok = await run(async () => {
      const changed = await accountApi.changePassword({ currentPassword, newPassword });
      form.reset();
      setDone(true);
      onChanged(changed);
    }, 'Das Passwort konnte nicht geändert werden.');
    if (!ok) setDone(false);
  }

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-current`}>{currentLabel}</label>
      <input id={`${id}-current`} name="current" type="password" autoComplete="current-password" required />
      <label htmlFor={`${id}-new`}>Neues Passwort</label>
      <input id={`${id}-new`} name="new" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-describedby={`${id}-rule`} aria-invalid={error !== null} />
      <p id={`${id}-rule`} className="field-hint">
        {PASSWORD_RULE}
      </p>
      <label htmlFor={`${id}-repeat`}>Neues Passwort wiederholen</label>
      <input id={`${id}-repeat`} name="repeat" type="password" autoComplete="new-password" required />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="form-ok" role="status">
          Ihr Passwort wurde geändert. Andere Sitzungen mit dem alten Passwort sind beendet.
        </p>
      )}
      <div className="account-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Wird gespeichert …' : submitLabel}
        </button>
      </div>
    </form>
  );
}
