import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { STATUS_LABELS, type AgreementStatus } from '../../../shared/api.js';
import { ROOT } from '../../../shared/protocol.js';

const isStatus = (value: unknown): value is AgreementStatus => typeof value === 'string' && Object.hasOwn(STATUS_LABELS, value);

/**
 * The agreement's status as the server last wrote it into Y.Map "agreement" (key "status"), or
 * `fallback` (from GET /api/agreements/:id) until it is there. When the server freezes the
 * agreement for signing, every open editor stops editing at once instead of being refused.
 */
export function useAgreementStatus(ydoc: Y.Doc, fallback: AgreementStatus): AgreementStatus {
  const map = ydoc.getMap<unknown>(ROOT.agreement);
  return useSyncExternalStore(
    (listener) => {
      map.observe(listener);
      return () => map.unobserve(listener);
    },
    () => {
      const status = map.get('status');
      return isStatus(status) ? status : fallback;
    },
  );
}
