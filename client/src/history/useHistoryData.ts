import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { HistoryEvent } from '../../../shared/api.js';
import { ROOT } from '../../../shared/protocol.js';
import { historyApi } from './historyApi.js';
import type { VersionSummary } from './types.js';

const VERSIONS_REFRESH_MS = 30_000;

/** Changes whenever the server writes status, fields or signatures: each of them makes an event. */
function useServerWrites(ydoc: Y.Doc): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const maps = [ROOT.agreement, ROOT.fields, ROOT.signatures].map((name) => ydoc.getMap<unknown>(name));
    const bump = () => setCount((c) => c + 1);
    for (const map of maps) map.observeDeep(bump);
    return () => {
      for (const map of maps) map.unobserveDeep(bump);
    };
  }, [ydoc]);
  return count;
}

/** The events and versions of the open Verlauf panel, fetched again after each server write. */
export function useHistoryData(agreementId: string, ydoc: Y.Doc, open: boolean) {
  const writes = useServerWrites(ydoc);
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([historyApi.events(agreementId), historyApi.versions(agreementId)]).then(
      ([nextEvents, nextVersions]) => {
        if (!current) return;
        setEvents(nextEvents);
        setVersions(nextVersions);
        setError(null);
      },
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : 'Der Verlauf konnte nicht geladen werden.'),
    );
    return () => {
      current = false;
    };
  }, [agreementId, open, writes, asked]);

  // A version the other party keeps writes nothing into the document: ask again now and then, and
  // when the tab comes back into view.
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(refresh, VERSIONS_REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [open, refresh]);

  return { events, versions, error, refresh };
}
