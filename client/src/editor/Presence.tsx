import type { WebsocketProvider } from 'y-websocket';
import { usePresence } from '../collab/usePresence.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

/** Who else has the agreement open: coloured initials, the full name on hover and for screen readers. */
export function Presence({ provider }: { provider: WebsocketProvider }) {
  const users = usePresence(provider);
  if (users.length === 0) return null;
  return (
    <ul className="presence" aria-label="Ebenfalls geöffnet von">
      {users.map((user) => (
        <li key={user.clientId} className="presence-user" title={user.name} style={{ backgroundColor: user.color }}>
          <span aria-hidden="true">{initials(user.name)}</span>
          <span className="visually-hidden">{user.name}</span>
        </li>
      ))}
    </ul>
  );
}
