import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, MAX_MESSAGE_BYTES, MESSAGE } from '../../shared/protocol.js';
import { awarenessClientIds, rewriteAwarenessUpdate } from './awareness.js';
import { ackMessage, awarenessMessage } from './messages.js';
import type { Room } from './room.js';
import { MESSAGE_RATE, TokenBucket } from './rateLimit.js';
import type { Heartbeating } from './heartbeat.js';
import type { PeerInfo, RoomMember, Socket } from './types.js';

/** Updates a connection may hold back while they wait for the changes they build on. */
const MAX_DEFERRED_BYTES = 4 * 1024 * 1024;

/** One client's websocket in a room: decodes its messages, answers them, acknowledges its updates. */
export class Connection<P extends PeerInfo> implements RoomMember<P>, Heartbeating {
  /** Awareness client ids this connection introduced; nobody else may speak for them. */
  readonly clientIds = new Set<number>();
  private updatesReceived = 0;
  private deferred: Uint8Array | null = null;
  private closed = false;
  private seen = Date.now();
  private readonly rate = new TokenBucket(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst);

  constructor(
    readonly room: Room<P>,
    private readonly socket: Socket,
    readonly peer: P,
    private readonly mayUseClientId: (clientId: number) => boolean,
    private readonly onClose: (connection: Connection<P>) => void,
  ) {}

  /** Starts the sync: the server's step 1 and everyone's presence. */
  open() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(this.room.awareness, states));
  }

  send(data: Uint8Array) {
    if (!this.closed) this.socket.send(data);
  }

  acknowledge(ackNumber: number) {
    this.send(ackMessage(ackNumber));
  }

  get lastSeen(): number {
    return this.seen;
  }

  /** The peer answered a ping (or showed life otherwise). */
  alive() {
    this.seen = Date.now();
  }

  ping() {
    if (!this.closed) this.socket.ping?.();
  }

  timedOut(silentForMs: number) {
    this.close(CLOSE.noHeartbeat, `no answer to pings for ${Math.round(silentForMs / 1000)} s`);
  }

  receive(data: Uint8Array | string) {
    if (this.closed) return;
    this.alive();
    if (typeof data === 'string') return this.close(CLOSE.badMessage, 'text frames are not part of the protocol');
    if (data.byteLength > MAX_MESSAGE_BYTES) return this.close(CLOSE.tooLarge, `message of ${data.byteLength} bytes exceeds the cap`);
    if (!this.rate.take()) return this.close(CLOSE.tooManyMessages, 'more messages per second than a person sends');
    try {
      this.handle(decoding.createDecoder(data));
    } catch (error: unknown) {
      this.close(CLOSE.badMessage, `undecodable message: ${String(error)}`);
    }
  }

  private handle(decoder: decoding.Decoder) {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync:
        return this.handleSync(decoder);
      case MESSAGE.awareness:
        return this.handleAwareness(decodeBytes(decoder));
      case MESSAGE.queryAwareness:
        return this.send(awarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]));
      default:
        return this.close(CLOSE.badMessage, `unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder) {
    const subType = decoding.readVarUint(decoder);
    if (subType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decodeBytes(decoder);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (subType !== syncProtocol.messageYjsSyncStep2 && subType !== syncProtocol.messageYjsUpdate) {
      return this.close(CLOSE.badMessage, `unknown sync message type ${subType}`);
    }
    const ackNumber = ++this.updatesReceived;
    const update = this.deferred ? Y.mergeUpdates([this.deferred, decodeBytes(decoder)]) : decodeBytes(decoder);
    this.deferred = null;
    const result = this.room.receiveUpdate(this, update, ackNumber);
    if (result === 'deferred') {
      if (update.byteLength > MAX_DEFERRED_BYTES) return this.close(CLOSE.badMessage, 'too many updates with missing dependencies');
      this.deferred = update;
    } else if (result !== 'queued') {
      this.close(result.code, result.reason);
    }
  }

  private handleAwareness(update: Uint8Array) {
    const rewritten = rewriteAwarenessUpdate(
      update,
      this.peer.presence,
      (clientId) => this.mayUseClientId(clientId) && this.room.claimClient(clientId, this.peer.username),
    );
    if (!rewritten) return;
    for (const clientId of awarenessClientIds(rewritten)) this.clientIds.add(clientId);
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, rewritten, this);
  }

  /** Closes the socket with a documented code; the room forgets this connection's presence. */
  close(code: number, reason: string) {
    if (this.closed) return;
    if (code >= 4000 || code === CLOSE.internalError) {
      this.room.log('connection-closed', { document: this.room.name, user: this.peer.username, code, reason });
    }
    this.closed = true;
    try {
      this.socket.close(code, reason.slice(0, 120));
    } finally {
      this.onClose(this);
    }
  }

  /** The socket closed from the other side. */
  closedByPeer() {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }
}

function decodeBytes(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}
