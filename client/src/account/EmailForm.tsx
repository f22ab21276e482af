import { useId, useState, type FormEvent } from 'react';
import { emailProblem } from '../../../shared/accounts/validate.js';
import { useSession } from '../session.js';
import { useAction } from '../signoff/useAction.js';
import { accountApi } from './accountApi.js';

/** The user's own e-mail address (empty: none). */
export function EmailForm() {
  const id = useId();
  const { user, update } = useSession();
  const { error, setError, pending, run } = useAction();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const email = value === '' ? null : value;
    setDone(false);
    const problem = emailProblem(email);
    if (problem) return setError(problem);
    if (await run(async () => update(await accountApi.changeEmail({ email })), 'Die E-Mail-Adresse konnte nicht gespeichert werden.')) setDone(true);
  }

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      {/* The section's heading says it already; the label is for screen readers. */}
      <label htmlFor={`${id}-email`} className="visually-hidden">
        E-Mail-Adresse
      </label>
      <input id={`${id}-email`} name="email" type="email" autoComplete="email" defaultValue={user.email ?? ''} aria-invalid={error !== null} aria-describedby={`${id}-email-hint`} />
      <p id={`${id}-email-hint`} className="field-hint">
        Für Nachrichten aus vereinbar. Leer lassen, wenn Sie keine Adresse hinterlegen möchten.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="form-ok" role="status">
          {user.email ? 'Die E-Mail-Adresse wurde gespeichert.' : 'Die E-Mail-Adresse wurde entfernt.'}
        </p>
      )}
      <div className="account-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Wird gespeichert …' : 'E-Mail-Adresse speichern'}
        </button>
      </div>
    </form>
  );
}
