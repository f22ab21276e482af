import * as decoding from 'lib0/decoding';
import { MESSAGE } from '../../../shared/protocol.js';

/**
 * When may the toolbar say "Alle Änderungen gespeichert"? Only when the server has committed
 * every local change. The server acknowledges with `[MESSAGE.ack][n]` once the n-th
 * update-bearing sync message (step 2 or update) it received on this socket is committed, so the
 * client counts what it sends per socket and remembers which message number carries its changes.
 *
 * A local change travels in one of two ways:
 * - connected: y-websocket sends it at once as an update message, which carries just that change;
 * - not connected: it stays in the Y.Doc, and after the next connect it travels inside the sync
 *   step 2 that answers the server's step 1, which carries everything the server lacks.
 * Changes sent on a socket that closed before their ack are treated like the second kind.
 */

const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type SyncPayload = 'step2' | 'update' | null;

/** Which update-bearing sync message (if any) a binary frame is: its first two varUints. */
export function classifyMessage(data: Uint8Array): SyncPayload {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) return null;
    const syncType = decoding.readVarUint(decoder);
    return syncType === SYNC_STEP2 ? 'step2' : syncType === SYNC_UPDATE ? 'update' : null;
  } catch {
    // A frame too short to decode carries no update.
    return null;
  }
}

/** The counting, per socket, and nothing else: no timers, no DOM, so it is tested in-process. */
export class SaveTracker {
  /** Update-bearing messages sent on the current socket. */
  private sent = 0;
  /** Highest n the server acknowledged on the current socket. */
  private acked = 0;
  /** Highest message number on the current socket that carries a local change. */
  private required = 0;
  /** A local change was made and the next update message will carry it. */
  private expectUpdate = false;
  /** Local changes that only a sync step 2 on a (next) socket will carry. */
  private backlog = false;

  /** A new socket: counting starts over; what the old one did not get acknowledged is backlog. */
  socketOpened(): void {
    if (this.expectUpdate || this.required > this.acked) this.backlog = true;
    this.sent = 0;
    this.acked = 0;
    this.required = 0;
    this.expectUpdate = false;
  }

  /** A local change, just before y-websocket handles it. */
  localChangeStarted(): void {
    this.expectUpdate = true;
  }

  /** After y-websocket handled the change: if no update message went out, a step 2 must carry it. */
  localChangeHandled(): void {
    if (this.expectUpdate) {
      this.expectUpdate = false;
      this.backlog = true;
    }
  }

  /** Every frame sent on the current socket. */
  messageSent(data: Uint8Array): void {
    const payload = classifyMessage(data);
    if (payload === null) return;
    this.sent += 1;
    if (payload === 'update' && this.expectUpdate) {
      this.required = this.sent;
      this.expectUpdate = false;
    } else if (payload === 'step2' && this.backlog) {
      this.required = this.sent;
      this.backlog = false;
    }
  }

  /** `[MESSAGE.ack][n]` received on the current socket. */
  acknowledged(n: number): void {
    this.acked = Math.max(this.acked, n);
  }

  /** Every local change has been sent and acknowledged on the current socket. */
  get allAcknowledged(): boolean {
    return !this.backlog && !this.expectUpdate && this.required <= this.acked;
  }
}

export type SaveStatus = 'saved' | 'saving' | 'offline';

export function saveStatus(tracker: SaveTracker, connected: boolean, synced: boolean): SaveStatus {
  if (!connected) return 'offline';
  return synced && tracker.allAcknowledged ? 'saved' : 'saving';
}

/**
 * The WebSocket class y-websocket constructs: a plain browser WebSocket that tells the tracker
 * when it is created (a new socket, counting starts over) and what it sends.
 */
export function countingWebSocket(tracker: SaveTracker, onChange: () => void): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.socketOpened();
      onChange();
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      if (data instanceof Uint8Array) {
        tracker.messageSent(data);
        onChange();
      }
    }
  };
}
