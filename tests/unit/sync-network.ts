import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { AgreementPeer } from '../../server/documents/hooks.js';
import type { Connection } from '../../server/sync/connection.js';
import type { RoomRegistry } from '../../server/sync/registry.js';
import { MESSAGE } from '../../shared/protocol.js';

/**
 * A simulated network between y-websocket-speaking peers and a RoomRegistry, in one process.
 * Every message gets a random delay when it is sent, so that messages overtake each other on
 * every link and in both directions; a seeded PRNG makes each run reproducible.
 */

interface InFlight {
  due: number;
  order: number;
  deliver: () => void;
}

export class Network {
  private clock = 0;
  private sent = 0;
  private inFlight: InFlight[] = [];

  constructor(
    readonly random: prng.PRNG,
    private readonly maxDelay: number,
  ) {}

  /** Queues a delivery; `link` lets a disconnect drop what is still on the way. */
  send(link: { alive: boolean }, deliver: () => void) {
    this.inFlight.push({
      due: this.clock + prng.int32(this.random, 0, this.maxDelay),
      order: this.sent++,
      deliver: () => {
        if (link.alive) deliver();
      },
    });
  }

  get idle(): boolean {
    return this.inFlight.length === 0;
  }

  /** Advances the clock by one tick and delivers everything due, in order of arrival. */
  tick() {
    this.clock++;
    const due = this.inFlight.filter((message) => message.due <= this.clock).sort((a, b) => a.due - b.due || a.order - b.order);
    this.inFlight = this.inFlight.filter((message) => message.due > this.clock);
    for (const message of due) message.deliver();
  }
}

const FROM_SERVER = Symbol('from server');

/** One client: a Y.Doc that syncs with the room the way y-websocket's provider does. */
export class SimulatedPeer {
  readonly doc = new Y.Doc();
  /** Close codes the server sent to this peer. */
  readonly closes: number[] = [];
  synced = false;
  /** Highest acknowledgement and update-bearing messages sent, on the current connection. */
  lastAck = 0;
  sentUpdates = 0;
  private connection: Connection<AgreementPeer> | null = null;
  private link = { alive: false };

  constructor(
    private readonly network: Network,
    private readonly registry: RoomRegistry<AgreementPeer>,
    private readonly room: string,
    private readonly info: AgreementPeer,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.sendSync((encoder) => syncProtocol.writeUpdate(encoder, update));
    });
  }

  get online(): boolean {
    return this.link.alive;
  }

  async connect() {
    const link = { alive: true };
    this.link = link;
    this.synced = false;
    this.lastAck = 0;
    this.sentUpdates = 0;
    const socket = {
      send: (data: Uint8Array) => this.network.send(link, () => this.receive(data)),
      close: (code: number) => {
        this.closes.push(code);
        link.alive = false;
      },
    };
    this.connection = await this.registry.connect(this.room, socket, this.info);
    this.sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
  }

  /** The socket drops: whatever is still on the way in either direction is lost. */
  disconnect() {
    this.link.alive = false;
    this.connection?.closedByPeer();
    this.connection = null;
  }

  private sendSync(write: (encoder: encoding.Encoder) => void) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    write(encoder);
    this.sendToServer(encoding.toUint8Array(encoder));
  }

  private sendToServer(data: Uint8Array) {
    const connection = this.connection;
    if (!this.link.alive || connection === null) return;
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) this.sentUpdates++;
    this.network.send(this.link, () => connection.receive(data));
  }

  private receive(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.ack) this.lastAck = decoding.readVarUint(decoder);
    if (type !== MESSAGE.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE.sync);
    const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
    if (syncType === syncProtocol.messageYjsSyncStep1) this.sendToServer(encoding.toUint8Array(reply));
    if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
  }
}
