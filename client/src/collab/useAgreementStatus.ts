import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../../../shared/protocol.js';

/**
 * The agreement's status as the server last wrote it into Y.Map "agreement" (key "status"), or
 * `fallback` (from GET /api/agreements/:id) until it is there. When the server freezes the
 * agreement for signing, every open editor stops editing at once instead of being refused.
 */
export function useAgreementStatus(ydoc: Y.Doc, fallback: string): string {
  const map = ydoc.getMap<unknown>(ROOT.agreement);
  return useSyncExternalStore(
    (listener) => {
      map.observe(listener);
      return () => map.unobserve(listener);
    },
    () => {
      const status = map.get('status');
      return typeof status === 'string' ? status : fallback;
    },
  );
}
