import { useCallback, useState } from 'react';

/** One server action from a button or form: pending while it runs, its German error afterwards. */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
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
