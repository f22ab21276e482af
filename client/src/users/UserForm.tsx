import { useId, useState, type FormEvent } from 'react';
import type { NewUserRequest, UserSummary } from '../../../shared/accounts/types.js';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE } from '../../../shared/accounts/password.js';
import { assignmentProblem, displayNameProblem, emailProblem, PARTY_OPTIONS, usernameProblem } from '../../../shared/accounts/validate.js';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../../../shared/roles.js';
import { DialogFooter } from '../ui/DialogFooter.js';
import { generateOneTimePassword } from './usersApi.js';

export type UserFormValues = Omit<NewUserRequest, 'password'> & { password?: string };

/**
 * Name, username (only when creating), e-mail, role, party, admin flag and (when creating) the
 * one-time password. Checks what it can before sending; the server checks everything again.
 */
export function UserForm(props: { user: UserSummary | null; error: string | null; pending: boolean; onError: (message: string) => void; onSubmit: (values: UserFormValues) => void; onCancel: () => void }) {
  const { user, error, pending, onError, onSubmit, onCancel } = props;
  const id = useId();
  const [role, setRole] = useState<Role>(user?.role ?? 'district-editor');
  const [party, setParty] = useState(user ? (user.districtId ?? 'ministry') : '');
  const [password, setPassword] = useState(() => (user ? '' : generateOneTimePassword()));
  const ministry = party === 'ministry';

  // A ministry role belongs to no district and a district role to one: the role follows the party.
  function choseParty(next: string) {
    setParty(next);
    if (next === 'ministry' && role.startsWith('district')) setRole('ministry-editor');
    if (next !== 'ministry' && role.startsWith('ministry')) setRole('district-editor');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = user?.username ?? String(data.get('username') ?? '').trim();
    const displayName = String(data.get('displayName') ?? '').trim();
    const emailText = String(data.get('email') ?? '').trim();
    const email = emailText === '' ? null : emailText;
    const districtId = party === 'ministry' || party === '' ? null : party;
    const admin = ministry && data.get('admin') === 'on';
    if (party === '') return onError('Bitte die Partei wählen: Ministerium oder einen Kreis bzw. eine Stadt.');
    const problem =
      displayNameProblem(displayName) ?? (user ? null : usernameProblem(username)) ?? emailProblem(email) ?? assignmentProblem(role, districtId, admin) ??
      (user || [...password].length >= MIN_PASSWORD_LENGTH ? null : `Das Einmalpasswort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`);
    if (problem) return onError(problem);
    onSubmit({ username, displayName, email, role, districtId, admin, ...(user ? {} : { password }) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="user-dialog-title">{user ? `${user.displayName} bearbeiten` : 'Benutzer anlegen'}</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} name="displayName" defaultValue={user?.displayName ?? ''} autoComplete="off" required data-autofocus autoFocus />
      {!user && (
        <>
          <label htmlFor={`${id}-username`}>Benutzername</label>
          <input id={`${id}-username`} name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} required aria-describedby={`${id}-username-hint`} />
          <p id={`${id}-username-hint`} className="field-hint">
            Kleinbuchstaben, Ziffern, Punkt oder Bindestrich, z. B. m.muster; später nicht mehr änderbar.
          </p>
        </>
      )}
      <label htmlFor={`${id}-email`}>E-Mail-Adresse</label>
      <input id={`${id}-email`} name="email" type="email" defaultValue={user?.email ?? ''} autoComplete="off" />
      <label htmlFor={`${id}-party`}>Partei</label>
      <select id={`${id}-party`} value={party} onChange={(event) => choseParty(event.target.value)} required>
        <option value="" disabled>
          Bitte wählen …
        </option>
        {PARTY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-role`}>Rolle</label>
      <select id={`${id}-role`} value={role} onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}>
        {ROLES.filter((r) => party === '' || (ministry ? !r.startsWith('district') : !r.startsWith('ministry'))).map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {ministry && (
        <label className="checkbox-label">
          <input type="checkbox" name="admin" defaultChecked={user?.admin ?? false} /> Darf Benutzer verwalten
        </label>
      )}
      {!user && (
        <>
          <label htmlFor={`${id}-password`}>Einmalpasswort</label>
          <div className="password-row">
            <input id={`${id}-password`} name="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${id}-password-hint`} />
            <button type="button" className="button" onClick={() => setPassword(generateOneTimePassword())}>
              Neu erzeugen
            </button>
          </div>
          <p id={`${id}-password-hint`} className="field-hint">
            Geben Sie es der Person auf sicherem Weg weiter; sie muss es bei der ersten Anmeldung ändern. {PASSWORD_RULE}
          </p>
        </>
      )}
      <DialogFooter error={error} pending={pending} submitLabel={user ? 'Änderungen speichern' : 'Benutzer anlegen'} pendingLabel="Wird gespeichert …" onCancel={onCancel} />
    </form>
  );
}
