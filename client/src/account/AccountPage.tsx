import { partyLabelOf } from '../../../shared/accounts/validate.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { useSession } from '../session.js';
import { NotificationSettingsForm } from '../notifications/NotificationSettingsForm.js';
import { AppHeader } from '../ui/AppHeader.js';
import { usePageTitle } from '../usePageTitle.js';
import { EmailForm } from './EmailForm.js';
import { PasswordForm } from './PasswordForm.js';
import './account.css';

/** „Mein Konto“: who one is (set by the ministry), one's e-mail address, notification mail and password. */
export function AccountPage() {
  const heading = usePageTitle('Mein Konto');
  const { user, update } = useSession();
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1 ref={heading} tabIndex={-1}>
          Mein Konto
        </h1>
        <section className="account-section" aria-labelledby="account-data">
          <h2 id="account-data">Angaben</h2>
          <dl className="account-facts">
            <dt>Name</dt>
            <dd>{user.displayName}</dd>
            <dt>Benutzername</dt>
            <dd>{user.username}</dd>
            <dt>Partei</dt>
            <dd>{partyLabelOf(user.districtId)}</dd>
            <dt>Rolle</dt>
            <dd>
              {ROLE_LABELS[user.role]}
              {user.admin && ', mit Benutzerverwaltung'}
            </dd>
          </dl>
          <p className="field-hint">Name, Rolle und Partei ändert das Ministerium.</p>
        </section>
        <section className="account-section" aria-labelledby="account-email">
          <h2 id="account-email">E-Mail-Adresse</h2>
          <EmailForm />
        </section>
        <section className="account-section" aria-labelledby="account-notifications">
          <h2 id="account-notifications">Benachrichtigungen</h2>
          <NotificationSettingsForm />
        </section>
        <section className="account-section" aria-labelledby="account-password">
          <h2 id="account-password">Passwort ändern</h2>
          <PasswordForm currentLabel="Bisheriges Passwort" submitLabel="Passwort ändern" onChanged={update} />
        </section>
      </main>
    </>
  );
}
