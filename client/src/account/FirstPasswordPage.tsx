import { useSession } from '../session.js';
import { usePageTitle } from '../usePageTitle.js';
import { PasswordForm } from './PasswordForm.js';
import './account.css';

/** After a login with a one-time password: the only page there is until the user has chosen their own. */
export function FirstPasswordPage() {
  const heading = usePageTitle('Eigenes Passwort festlegen');
  const { user, update, logout } = useSession();
  return (
    <main className="login">
      <div className="login-card">
        <p className="login-brand">vereinbar</p>
        <h1 ref={heading} tabIndex={-1}>
          Eigenes Passwort festlegen
        </h1>
        <p className="login-intro">
          Guten Tag, {user.displayName}. Sie haben sich mit einem Einmalpasswort angemeldet. Bitte legen Sie jetzt Ihr eigenes Passwort fest; danach
          geht es weiter zu Ihren Zielvereinbarungen.
        </p>
        <PasswordForm currentLabel="Einmalpasswort" submitLabel="Passwort festlegen und weiter" onChanged={update} />
        <button type="button" className="button button-quiet first-password-logout" onClick={() => void logout()}>
          Abmelden
        </button>
      </div>
    </main>
  );
}
