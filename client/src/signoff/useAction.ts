import { useCallback, useEffect, useState } from 'react';

/**
 * One server action from a button or form: pending while it runs, its German error afterwards.
 * For a dialog, pass whether it is open: opened again, it starts without the last attempt's error.
 */
export function useAction(open?: boolean) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const run = useCallback(async (work: () => Promise<void>, fallback: string): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught: unknown) {
      setError(caught instanceof Error ? caught.message : fallback);
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  return { error, setError, pending, run };
}
