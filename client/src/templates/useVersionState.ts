import { useSyncExternalStore } from 'react';
import { TEMPLATE_STATE_ROOT, type TemplateVersionState } from '../../../shared/template/model.js';
import type { Connection } from '../collab/connection.js';

const noSubscription = () => () => {};

/**
 * The version's state as the server last wrote it into the draft's Y.Map "version" (key "state"),
 * or `fallback` (from GET /api/templates/:version). When another editor publishes, every open
 * editor stops editing at once instead of being refused.
 */
export function useVersionState(connection: Connection | null, fallback: TemplateVersionState): TemplateVersionState {
  const map = connection?.ydoc.getMap<unknown>(TEMPLATE_STATE_ROOT);
  return useSyncExternalStore(
    map
      ? (listener) => {
          map.observe(listener);
          return () => map.unobserve(listener);
        }
      : noSubscription,
    () => {
      const state = map?.get('state');
      return state === 'draft' || state === 'published' ? state : fallback;
    },
  );
}
