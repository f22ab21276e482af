import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { AgreementDetail, HistoryEvent } from '../../../shared/api.js';
import { ROOT } from '../../../shared/protocol.js';
import { api } from '../api.js';
import { signoffApi } from './signoffApi.js';

/** A key that changes whenever the server writes status or signatures into the live document. */
function useSignoffKey(ydoc: Y.Doc): string {
  const agreement = ydoc.getMap<unknown>(ROOT.agreement);
  const signatures = ydoc.getMap<unknown>(ROOT.signatures);
  return useSyncExternalStore(
    (listener) => {
      agreement.observe(listener);
      signatures.observe(listener);
      return () => {
        agreement.unobserve(listener);
        signatures.unobserve(listener);
      };
    },
    () => `${String(agreement.get('status'))}|${String(agreement.get('hash'))}|${[...signatures.keys()].sort().join(',')}`,
  );
}

/**
 * The agreement's sign-off state (signatures, release, permissions, scans) and its history, fetched
 * again whenever the server writes a change into the Y.Doc: another party's signature shows at once.
 */
export function useLiveSignoff(initial: AgreementDetail, ydoc: Y.Doc) {
  const key = useSignoffKey(ydoc);
  const [detail, setDetail] = useState(initial);
  const [history, setHistory] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    Promise.all([api.agreement(initial.id), signoffApi.history(initial.id)]).then(
      ([nextDetail, nextHistory]) => {
        if (!current) return;
        setDetail(nextDetail);
        setHistory(nextHistory);
        setError(null);
      },
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      current = false;
    };
  }, [initial.id, key, version]);

  return { detail, history, error, refresh };
}
