import { useEffect, useRef } from 'react';
import { useLocation } from '../router.js';

/**
 * A notification's link names a thread (`?thread=t-…`): once that thread is on the page, it is
 * made the active one and scrolled into view. Once per link, so the user can move on from there.
 */
export function useLinkedThread(threadIds: readonly string[], activate: (id: string) => void): void {
  const location = useLocation();
  const wanted = new URL(location, window.location.origin).searchParams.get('thread');
  const present = wanted !== null && threadIds.includes(wanted);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (wanted === null || !present || handled.current === location) return;
    handled.current = location;
    activate(wanted);
    document.querySelector(`[data-thread-id="${CSS.escape(wanted)}"]`)?.scrollIntoView({ block: 'center' });
  }, [wanted, present, location, activate]);
}
