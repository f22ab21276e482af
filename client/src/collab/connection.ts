import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE } from '../../../shared/protocol.js';
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
}

export interface Connection {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  getSnapshot(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** One Y.Doc and one websocket per open agreement; the server seeds the body, never the client. */
export function openConnection(agreementId: string): Connection {
  const ydoc = new Y.Doc();
  const tracker = new SaveTracker();
  const listeners = new Set<() => void>();
  let provider: WebsocketProvider | null = null;
  let firstSynced = false;
  let refused: ConnectionSnapshot['refused'] = null;
  let snapshot: ConnectionSnapshot = { status: 'offline', firstSynced, refused, unsaved: false };

  const refresh = () => {
    const status = provider ? saveStatus(tracker, provider.wsconnected, provider.synced) : 'offline';
    const unsaved = !tracker.allAcknowledged;
    if (status === snapshot.status && firstSynced === snapshot.firstSynced && refused === snapshot.refused && unsaved === snapshot.unsaved) return;
    snapshot = { status, firstSynced, refused, unsaved };
    for (const listener of listeners) listener();
  };

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
  ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === own) return;
    tracker.localChangeHandled();
    refresh();
  });

  own.messageHandlers[MESSAGE.ack] = (_encoder, decoder) => {
    tracker.acknowledged(decoding.readVarUint(decoder));
    refresh();
  };
  own.on('status', refresh);
  own.on('sync', (synced: boolean) => {
    if (synced) firstSynced = true;
    refresh();
  });
  own.on('closed', (event: { code: number; reason: string }) => {
    refused = { code: event.code, reason: event.reason };
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
    destroy() {
      listeners.clear();
      own.destroy();
      ydoc.destroy();
    },
  };
}
