import { useEffect, useState } from 'react';
import { ApiError } from './api.js';
import { useSession } from './session.js';

export type Resource<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'error'; message: string };

/**
 * Loads something from /api for a signed-in page. A 401 means the session ended: the login page
 * takes over. A late answer for a page already left is dropped. A null key loads nothing yet.
 */
export function useResource<T>(load: () => Promise<T>, key: string | null): Resource<T> {
  const { expired } = useSession();
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  useEffect(() => {
    // No key yet (what to load depends on another answer): stay loading.
    if (key === null) return;
    let current = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => current && setState({ kind: 'loaded', value }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) expired();
        else if (current) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` names what it loads.
  }, [key, expired]);
  return state;
}
