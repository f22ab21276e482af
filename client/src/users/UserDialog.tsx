import { useEffect, useRef, useState } from 'react';
import type { UserEvent, UserSummary } from '../../../shared/accounts/types.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { useSession } from '../session.js';
import { useAction } from '../signoff/useAction.js';
import { useModal } from '../signoff/useModal.js';
import { OneTimePasswordForm } from './OneTimePasswordForm.js';
import { UserEventList } from './UserEventList.js';
import { UserForm, type UserFormValues } from './UserForm.js';
import { UserState } from './UserTable.js';
import { usersApi } from './usersApi.js';

export type UserDialogTarget = { kind: 'create' } | { kind: 'user'; username: string };
type Mode = 'view' | 'edit' | 'password' | 'deactivate';

/**
 * One dialog for an account: create it, or see its details and history and change it (edit,
 * one-time password, deactivate/reactivate). Every change answers with the account as it is now.
 */
export function UserDialog(props: { target: UserDialogTarget | null; users: UserSummary[]; nameOf: (username: string) => string; onChanged: (user: UserSummary) => void; onClose: () => void }) {
  const { target, users, nameOf, onChanged, onClose } = props;
  const { user: me } = useSession();
  const dialog = useModal(target !== null);
  const { error, setError, pending, run } = useAction(target !== null);
  const [mode, setMode] = useState<Mode>('view');
  // Back from a form, the keyboard continues at the account's heading, not at the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const [returned, setReturned] = useState(false);
  useEffect(() => {
    if (mode === 'view' && returned) heading.current?.focus();
  }, [mode, returned]);
  const [events, setEvents] = useState<UserEvent[] | null>(null);
  const user = target?.kind === 'user' ? users.find((u) => u.username === target.username) ?? null : null;
  const username = user?.username ?? null;

  useEffect(() => {
    setMode('view');
    setReturned(false);
    setEvents(null);
    if (!username) return;
    let current = true;
    usersApi.events(username).then(
      (loaded) => current && setEvents(loaded),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : 'Der Verlauf konnte nicht geladen werden.'),
    );
    return () => {
      current = false;
    };
  }, [username, setError]);

  async function change(work: () => Promise<UserSummary>, fallback: string) {
    await run(async () => {
      const changed = await work();
      onChanged(changed);
      setReturned(true);
      setMode('view');
      setEvents(await usersApi.events(changed.username));
    }, fallback);
  }

  async function create(values: UserFormValues) {
    const { password, ...rest } = values;
    await run(async () => {
      const created = await usersApi.create({ ...rest, password: password ?? '' });
      onChanged(created);
      onClose();
    }, 'Der Benutzer konnte nicht angelegt werden.');
  }

  const back = () => {
    setError(null);
    setReturned(true);
    setMode('view');
  };
  return (
    <dialog ref={dialog} className="dialog user-dialog" aria-labelledby="user-dialog-title" onClose={onClose}>
      {target?.kind === 'create' && <UserForm user={null} error={error} pending={pending} onError={setError} onSubmit={(values) => void create(values)} onCancel={onClose} />}
      {user && mode === 'edit' && (
        <UserForm user={user} error={error} pending={pending} onError={setError} onSubmit={({ displayName, email, role, districtId, admin }) => void change(() => usersApi.update(user.username, { displayName, email, role, districtId, admin }), 'Die Änderung konnte nicht gespeichert werden.')} onCancel={back} />
      )}
      {user && mode === 'password' && (
        <OneTimePasswordForm user={user} error={error} pending={pending} onSubmit={(password) => void change(() => usersApi.setOneTimePassword(user.username, password), 'Das Einmalpasswort konnte nicht gesetzt werden.')} onCancel={back} />
      )}
      {user && (mode === 'view' || mode === 'deactivate') && (
        <div className="user-detail">
          <h2 id="user-dialog-title" ref={heading} tabIndex={-1}>
            {user.displayName}
          </h2>
          <p className="user-detail-meta">
            {user.username} · {user.partyLabel} · {ROLE_LABELS[user.role]}
            {user.email && ` · ${user.email}`}
          </p>
          <UserState user={user} />
          {mode === 'deactivate' ? (
            <div className="notice notice-error user-confirm" role="alert">
              <p className="notice-title">{user.displayName} deaktivieren?</p>
              <p className="notice-body">Alle Sitzungen enden sofort; offene Editoren werden getrennt. Das Konto bleibt mit seinem Verlauf erhalten und kann reaktiviert werden.</p>
              <div className="dialog-actions">
                <button type="button" className="button button-quiet" onClick={back} autoFocus>
                  Abbrechen
                </button>
                <button type="button" className="button button-danger" disabled={pending} onClick={() => void change(() => usersApi.deactivate(user.username), 'Der Benutzer konnte nicht deaktiviert werden.')}>
                  {pending ? 'Wird deaktiviert …' : 'Deaktivieren'}
                </button>
              </div>
            </div>
          ) : (
            <div className="user-actions">
              <button type="button" className="button" onClick={() => setMode('edit')}>
                Bearbeiten
              </button>
              {user.active && user.username !== me.username && (
                <button type="button" className="button" onClick={() => setMode('password')}>
                  Einmalpasswort setzen
                </button>
              )}
              {user.active && user.username !== me.username && (
                <button type="button" className="button" onClick={() => setMode('deactivate')}>
                  Deaktivieren
                </button>
              )}
              {!user.active && (
                <button type="button" className="button" disabled={pending} onClick={() => void change(() => usersApi.reactivate(user.username), 'Der Benutzer konnte nicht reaktiviert werden.')}>
                  Reaktivieren
                </button>
              )}
            </div>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <h3>Verlauf</h3>
          {events === null ? <p className="field-hint">Wird geladen …</p> : <UserEventList events={events} showTarget={false} nameOf={nameOf} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Schließen
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
