import type { UserSummary } from '../../../shared/accounts/types.js';
import { formatDateTime } from '../../../shared/format.js';
import { ROLE_LABELS } from '../../../shared/roles.js';

/** The state of an account in a word or two: what the admin needs to see at a glance. */
export function UserState({ user }: { user: UserSummary }) {
  return (
    <span className="user-state">
      {user.active ? <span className="user-badge user-badge-ok">Aktiv</span> : <span className="user-badge user-badge-off">Deaktiviert</span>}
      {user.active && user.mustChangePassword && <span className="user-badge user-badge-warn">Einmalpasswort</span>}
      {user.admin && <span className="user-badge">Benutzerverwaltung</span>}
    </span>
  );
}

/** The Benutzer list. The name opens the user's details, changes and history. */
export function UserTable({ users, onOpen }: { users: UserSummary[]; onOpen: (username: string) => void }) {
  return (
    <table className="user-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Partei</th>
          <th scope="col">Rolle</th>
          <th scope="col">Status</th>
          <th scope="col">Geändert</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.username} className={user.active ? undefined : 'user-inactive'} data-username={user.username}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onOpen(user.username)}>
                {user.displayName}
              </button>
              <span className="user-username">{user.username}</span>
              {user.email && <span className="user-email">{user.email}</span>}
            </th>
            <td>{user.partyLabel}</td>
            <td>{ROLE_LABELS[user.role]}</td>
            <td>
              <UserState user={user} />
            </td>
            <td className="user-updated">{formatDateTime(user.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
