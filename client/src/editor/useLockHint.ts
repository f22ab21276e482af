import { useCallback, useEffect, useMemo, useState } from 'react';

/** How long the answer to a refused keystroke stays: long enough to read, short enough to stay calm. */
const SHOWN_MS = 6000;

/**
 * The message of the locked-text hint (editor/lockedInputHint.ts) for a polite live region. The
 * same message again restarts its time instead of flickering.
 */
export function useLockHint() {
  const [state, setState] = useState<{ message: string; at: number } | null>(null);
  const show = useCallback((message: string) => setState({ message, at: Date.now() }), []);
  useEffect(() => {
    if (!state) return;
    const timer = window.setTimeout(() => setState(null), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [state]);
  return useMemo(() => ({ message: state?.message ?? '', show }), [state, show]);
}
