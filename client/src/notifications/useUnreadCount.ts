import { useEffect, useState } from 'react';
import { UNREAD_EVENTS_PATH } from './notificationsApi.js';

/**
 * The unread count, live: the server sends it when the stream opens and whenever it changes
 * (server-sent events). null until the first count arrives. The browser's EventSource
 * reconnects after a dropped connection, and the server then sends the count again.
 */
export function useUnreadCount(): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    const source = new EventSource(UNREAD_EVENTS_PATH, { withCredentials: true });
    const onUnread = (event: MessageEvent<string>) => {
      try {
        const parsed = JSON.parse(event.data) as { unread?: unknown };
        if (typeof parsed.unread === 'number') setUnread(parsed.unread);
      } catch (error: unknown) {
        console.error('unread count not understood', error);
      }
    };
    source.addEventListener('unread', onUnread);
    return () => {
      source.removeEventListener('unread', onUnread);
      source.close();
    };
  }, []);
  return unread;
}
