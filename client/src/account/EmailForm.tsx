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
      <label htmlFor={`${id}-email`}>E-Mail-Adresse</label>
      <input id={`${id}-email`} name="email" type="email" autoComplete="email" defaultValue={user.email ?? ''} aria-invalid={error !== null} />
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
