import { useCallback, useEffect, useMemo, useState } from 'react';
import { filterUsers, NO_FILTER, type UserFilter } from '../../../shared/accounts/filter.js';
import type { UserEvent, UserSummary } from '../../../shared/accounts/types.js';
import { ApiError } from '../api.js';
import { useSession } from '../session.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { UserDialog, type UserDialogTarget } from './UserDialog.js';
import { UserEventList } from './UserEventList.js';
import { UserFilters } from './UserFilters.js';
import { UserTable } from './UserTable.js';
import { usersApi } from './usersApi.js';
import './users.css';

type Loaded = { users: UserSummary[]; events: UserEvent[] };

/** „Benutzer“ (ministry admins): every account, searchable and filterable, with the latest changes below. */
export function UsersPage() {
  const heading = usePageTitle('Benutzer');
  const { expired } = useSession();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'loaded'; value: Loaded } | { kind: 'error'; message: string }>({ kind: 'loading' });
  const [filter, setFilter] = useState<UserFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<UserDialogTarget | null>(null);

  const load = useCallback(async () => {
    try {
      const [users, events] = await Promise.all([usersApi.list(), usersApi.recentEvents()]);
      setState({ kind: 'loaded', value: { users, events } });
    } catch (caught: unknown) {
      if (caught instanceof ApiError && caught.status === 401) expired();
      else setState({ kind: 'error', message: caught instanceof Error ? caught.message : String(caught) });
    }
  }, [expired]);
  useEffect(() => {
    void load();
  }, [load]);

  const users = state.kind === 'loaded' ? state.value.users : [];
  const shown = useMemo(() => filterUsers(users, filter), [users, filter]);
  const nameOf = useCallback((username: string) => users.find((u) => u.username === username)?.displayName ?? username, [users]);

  return (
    <>
      <AppHeader />
      <main className="page page-wide">
        <div className="users-heading">
          <h1 ref={heading} tabIndex={-1}>
            Benutzer
          </h1>
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
            Benutzer anlegen
          </button>
        </div>
        {state.kind === 'loading' && <p className="page-status">Wird geladen …</p>}
        {state.kind === 'error' && <Notice tone="error" title="Die Benutzer konnten nicht geladen werden">{state.message}</Notice>}
        {state.kind === 'loaded' && (
          <>
            <UserFilters filter={filter} onChange={setFilter} />
            <p className="users-count" role="status">
              {shown.length === users.length ? `${users.length} Benutzer` : `${shown.length} von ${users.length} Benutzern`}
            </p>
            {shown.length > 0 ? (
              <UserTable users={shown} onOpen={(username) => setDialog({ kind: 'user', username })} />
            ) : (
              <p className="page-status">Keine Benutzer passen zu Suche und Filter.</p>
            )}
            <section className="users-events" aria-labelledby="users-events-title">
              <h2 id="users-events-title">Letzte Änderungen</h2>
              <UserEventList events={state.value.events.slice(0, 20)} showTarget nameOf={nameOf} />
            </section>
          </>
        )}
        <UserDialog target={dialog} users={users} nameOf={nameOf} onChanged={() => void load()} onClose={() => setDialog(null)} />
      </main>
    </>
  );
}
