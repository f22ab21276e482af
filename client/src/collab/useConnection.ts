import { useEffect, useState, useSyncExternalStore } from 'react';
import { takeEarlyConnection } from '../earlyRequests.js';
import { openConnection, type Connection, type ConnectionSnapshot } from './connection.js';

/** Opens the agreement's Y.Doc and websocket (or takes the one main.tsx opened) while the page shows it; closes them on leaving. */
export function useConnection(agreementId: string | null, username: string): Connection | null {
  const [connection, setConnection] = useState<Connection | null>(null);
  useEffect(() => {
    if (agreementId === null) return;
    const opened = takeEarlyConnection(agreementId, username) ?? openConnection(agreementId, username);
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [agreementId, username]);
  return connection;
}

const OFFLINE: ConnectionSnapshot = { status: 'offline', firstSynced: false, refused: null, unsaved: false, pending: 0, lost: null };
const noSubscription = () => () => {};

export function useConnectionSnapshot(connection: Connection | null): ConnectionSnapshot {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getSnapshot ?? (() => OFFLINE));
}

/** Asks before the tab closes while the server has not yet confirmed every change. */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
