import { actorLabel, describeUserEvent } from '../../../shared/accounts/events.js';
import type { UserEvent } from '../../../shared/accounts/types.js';
import { formatDateTime } from '../../../shared/format.js';

/** The audit trail of accounts, newest first: when, who, (whom,) what. */
export function UserEventList({ events, showTarget, nameOf }: { events: UserEvent[]; showTarget: boolean; nameOf: (username: string) => string }) {
  if (events.length === 0) return <p className="field-hint">Noch keine Änderungen.</p>;
  return (
    <ol className="user-events">
      {events.map((event) => (
        <li key={event.id} data-kind={event.kind}>
          <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
          <span className="user-event-what">
            {showTarget && <strong>{nameOf(event.target)}: </strong>}
            {describeUserEvent(event)}
          </span>
          <span className="user-event-who">von {event.actor === 'cli' ? actorLabel(event.actor) : nameOf(event.actor)}</span>
        </li>
      ))}
    </ol>
  );
}
