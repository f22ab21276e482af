import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE } from '../../../shared/protocol.js';
import { OfflineChanges, type LostChanges } from './offlineChanges.js';
import { indexedDbBackend } from './pendingDb.js';
import { pendingPrefix, PendingStore, type PendingBackend } from './pendingStore.js';
import { countingWebSocket, SaveTracker, saveStatus, type SaveStatus } from './saveState.js';

/** What the UI needs to know about the connection; a new object whenever something changed. */
export interface ConnectionSnapshot {
  status: SaveStatus;
  /** The first sync with the server is done: the body may be shown and edited. */
  firstSynced: boolean;
  /** The server refused us for good (close code 4400–4499); y-websocket does not reconnect. */
  refused: { code: number; reason: string } | null;
  /** Local changes the server has not acknowledged yet. */
  unsaved: boolean;
  /** Unacknowledged local changes written to this browser's storage (IndexedDB). */
  pending: number;
  /** Changes from an earlier visit that the server can no longer take (agreement released). */
  lost: LostChanges | null;
}

export interface Connection {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  getSnapshot(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  /** Forgets the changes in `lost` once the user has seen (and copied) them. */
  discardLost(): void;
  destroy(): void;
}

/** A random id for this tab's record; getRandomValues, unlike randomUUID, works without HTTPS too. */
const tabId = () => Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('-');

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * One Y.Doc and one websocket per open agreement; the server seeds the body, never the client.
 * Unacknowledged local changes are also kept in the browser under the user's name (offlineChanges.ts).
 */
export function openConnection(agreementId: string, username: string, backend: PendingBackend = indexedDbBackend): Connection {
  const ydoc = new Y.Doc();
  const tracker = new SaveTracker();
  const listeners = new Set<() => void>();
  let provider: WebsocketProvider | null = null;
  let firstSynced = false;
  let refused: ConnectionSnapshot['refused'] = null;
  let snapshot: ConnectionSnapshot = { status: 'offline', firstSynced, refused, unsaved: false, pending: 0, lost: null };
  const store = new PendingStore(backend, pendingPrefix(username, agreementId), tabId(), (error) =>
    console.warn(`Änderungen an ${agreementId} konnten nicht im Browser gesichert werden`, error),
  );

  const refresh = () => {
    const status = provider ? saveStatus(tracker, provider.wsconnected, provider.synced) : 'offline';
    if (status === 'saved') offline.allSaved();
    const unsaved = !tracker.allAcknowledged;
    const next = { status, firstSynced, refused, unsaved, pending: offline.kept, lost: offline.lost };
    if ((Object.keys(next) as (keyof ConnectionSnapshot)[]).every((key) => next[key] === snapshot[key])) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const offline = new OfflineChanges(ydoc, store, refresh);

  // Y.Doc calls its 'update' listeners in the order they were added. This one runs before
  // y-websocket's own (added in its constructor), the one after the constructor runs after it:
  // together they tell whether the change left in an update message or must wait for a step 2.
  ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (provider === null || origin !== provider) tracker.localChangeStarted();
  });
  provider = new WebsocketProvider(collabUrl(), agreementId, ydoc, {
    disableBc: true,
    WebSocketPolyfill: countingWebSocket(tracker, refresh),
  });
  const own = provider;
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === own) return;
    offline.localChange(update, origin);
    tracker.localChangeHandled();
    refresh();
  });

  own.messageHandlers[MESSAGE.ack] = (_encoder, decoder) => {
    tracker.acknowledged(decoding.readVarUint(decoder));
    refresh();
  };
  own.on('status', refresh);
  own.on('sync', (synced: boolean) => {
    if (synced && !firstSynced) {
      firstSynced = true;
      void offline.firstSynced();
    }
    refresh();
  });
  own.on('closed', (event: { code: number; reason: string }) => {
    refused = { code: event.code, reason: event.reason };
    void offline.refused(event.code);
    refresh();
  });

  return {
    ydoc,
    provider: own,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    discardLost: () => offline.discardLost(),
    destroy() {
      listeners.clear();
      own.destroy();
      ydoc.destroy();
    },
  };
}
