import { useState, type FormEvent } from 'react';
import type { CurrentUser } from '../../../shared/accounts/types.js';
import { LoginRequestSchema } from '../../../shared/schemas/auth.js';
import { checkInput } from '../../../shared/schemas/issues.js';
import { api, ApiError } from '../api.js';
import { usePageTitle } from '../usePageTitle.js';

export function LoginPage({ onLogin }: { onLogin: (user: CurrentUser) => void }) {
  // The username field takes the focus here, not the heading: signing in is all there is to do.
  usePageTitle('Anmelden');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = checkInput(LoginRequestSchema, { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') });
    if (!credentials.ok) {
      setError(credentials.message);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onLogin(await api.login(credentials.value));
    } catch (caught: unknown) {
      setError(caught instanceof ApiError ? caught.message : 'Die Anmeldung ist fehlgeschlagen.');
      setPending(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(event) => void submit(event)} noValidate>
        <p className="login-brand">vereinbar</p>
        <h1>Anmelden</h1>
        <p className="login-intro">Zielvereinbarungen zum Ausbildungs- und Qualifizierungsbudget</p>
        <label htmlFor="username">Benutzername</label>
        <input id="username" name="username" autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} required />
        <label htmlFor="password">Passwort</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Wird angemeldet …' : 'Anmelden'}
        </button>
      </form>
    </main>
  );
}
