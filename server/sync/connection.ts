import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLIENT_ID_LIMITS, CLOSE, MAX_MESSAGE_BYTES, MAX_PENDING, MESSAGE } from '../../shared/protocol.js';
import { rewriteAwarenessUpdate } from './awareness.js';
import { ConnectionBudget } from './budget.js';
import type { Heartbeating } from './heartbeat.js';
import { ackMessage, awarenessMessage } from './messages.js';
import type { Room } from './room.js';
import type { PeerInfo, RoomMember, Socket } from './types.js';

/** One client's websocket in a room: decodes its messages, answers them, acknowledges its updates. */
export class Connection<P extends PeerInfo> implements RoomMember<P>, Heartbeating {
  /** Awareness client ids this connection introduced; nobody else may speak for them. */
  readonly clientIds = new Set<number>();
  private updatesReceived = 0;
  /** Updates held back until what they build on arrives, merged into one, and how many messages they were. */
  private deferred: { update: Uint8Array; messages: number } | null = null;
  private closed = false;
  /** How many `cork`s of the socket wait for their `uncork`. */
  private corks = 0;
  private seen = Date.now();
  private readonly budget = new ConnectionBudget();

  constructor(
    readonly room: Room<P>,
    private readonly socket: Socket,
    readonly peer: P,
    private readonly mayUseClientId: (clientId: number, clock: number) => boolean,
    private readonly onClose: (connection: Connection<P>) => void,
  ) {}

  /** Starts the sync: the server's step 1 and everyone's presence. */
  open() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    // = syncProtocol.writeSyncStep1(encoder, doc), from the room's state vector: a deferred document stays undecoded.
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, this.room.stateVector());
    this.send(encoding.toUint8Array(encoder));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(this.room.awareness, states));
  }

  send(data: Uint8Array) {
    if (!this.closed) this.socket.send(data);
  }

  cork() {
    if (this.closed || !this.socket.cork) return;
    this.socket.cork();
    this.corks++;
  }

  /** Releases one `cork`, also after the connection closed: what waits still leaves (a close frame too). */
  uncork() {
    if (this.corks === 0) return;
    this.corks--;
    this.socket.uncork?.();
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
    const overBudget = this.budget.admit(data.byteLength);
    if (overBudget) return this.close(CLOSE.tooManyMessages, overBudget);
    const start = performance.now();
    try {
      this.handle(decoding.createDecoder(data));
    } catch (error: unknown) {
      this.close(CLOSE.badMessage, `undecodable message: ${String(error)}`);
    } finally {
      this.budget.charge(performance.now() - start);
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
      // Read the count first: a state vector naming 100,000 made-up clients cost 40 ms to answer.
      const named = decoding.readVarUint(decoding.createDecoder(stateVector));
      const known = this.room.knownClients();
      if (named > known + CLIENT_ID_LIMITS.unknownInStateVector) return this.close(CLOSE.badMessage, `state vector names ${named} clients; the document has ${known}`);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, named === 0 ? this.room.stateAsUpdate() : this.room.updateSince(stateVector));
      this.send(encoding.toUint8Array(encoder));
      if (this.room.readOnly(this.peer) === null) this.room.prepareForWrites();
      return;
    }
    if (subType !== syncProtocol.messageYjsSyncStep2 && subType !== syncProtocol.messageYjsUpdate) {
      return this.close(CLOSE.badMessage, `unknown sync message type ${subType}`);
    }
    const ackNumber = ++this.updatesReceived;
    const received = decodeBytes(decoder);
    const readOnly = this.room.readOnly(this.peer);
    if (readOnly) {
      // A reader's update is checked without decoding or applying it (docs/protocol.md).
      const refused = this.room.receiveReaderUpdate(this, received, ackNumber, readOnly);
      if (refused) this.close(refused.code, refused.reason);
      return;
    }
    const held = this.deferred;
    if (held && (held.messages >= MAX_PENDING.updates || held.update.byteLength + received.byteLength > MAX_PENDING.bytes)) {
      // Checked before merging: merging MiBs with every tiny message was the cost of the attack.
      return this.close(CLOSE.unresolvedUpdates, `more than ${MAX_PENDING.updates} messages or ${MAX_PENDING.bytes} bytes wait for changes that never came`);
    }
    const update = held ? Y.mergeUpdates([held.update, received]) : received;
    this.deferred = null;
    const result = this.room.receiveUpdate(this, update, ackNumber);
    if (result === 'deferred') this.deferred = { update, messages: (held?.messages ?? 0) + 1 };
    else if (result !== 'queued') this.close(result.code, result.reason);
  }

  private handleAwareness(update: Uint8Array) {
    const rewritten = rewriteAwarenessUpdate(
      update,
      this.peer.presence,
      (clientId, clock) => this.mayUseClientId(clientId, clock) && this.room.mayAnnounce(clientId, this.peer.username),
      this.clientIds,
    );
    if ('code' in rewritten) return this.close(rewritten.code, rewritten.reason);
    if (!rewritten.update) return;
    for (const clientId of rewritten.clientIds) this.clientIds.add(clientId);
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, rewritten.update, this);
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
