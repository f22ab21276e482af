import type { WebsocketProvider } from 'y-websocket';
import { usePresence } from '../collab/usePresence.js';
import './presence.css';
import { describe, distinctInitials, isMinistry } from './presenceLabels.js';

/** Avatars shown before the rest collapse into „+N“: enough for a ministry and a district team. */
export const MAX_AVATARS = 4;

/**
 * Who else has the agreement open: one avatar per person (one's own other tabs are not counted),
 * initials on the person's colour, a mark for the party (M for the ministry, K for the
 * district), name, role and party as tooltip and for screen readers.
 */
export function Presence({ provider, username }: { provider: WebsocketProvider; username: string }) {
  const users = usePresence(provider, username);
  if (users.length === 0) return null;
  const letters = distinctInitials(users);
  const shown = users.length > MAX_AVATARS ? users.slice(0, MAX_AVATARS - 1) : users;
  const hidden = users.slice(shown.length);
  return (
    <ul className="presence" aria-label="Ebenfalls geöffnet von">
      {shown.map((user, index) => {
        const label = describe(user);
        const ministry = isMinistry(user);
        return (
          <li key={user.key} className={`presence-user ${ministry ? 'is-ministry' : 'is-district'}`} title={label}>
            <span className="presence-avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {letters[index]}
              <span className="presence-party">{ministry ? 'M' : 'K'}</span>
            </span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li className="presence-user presence-more" title={hidden.map(describe).join('\n')}>
          <span className="presence-avatar" aria-hidden="true">
            +{hidden.length}
          </span>
          <span className="visually-hidden">und {hidden.length} weitere: {hidden.map(describe).join('; ')}</span>
        </li>
      )}
    </ul>
  );
}
