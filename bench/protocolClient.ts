import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from '../shared/protocol.js';
import { entries, entryText, groups } from '../tests/integration/body.js';

/**
 * A load-generating client that speaks the y-websocket protocol by hand, the same bytes to both
 * servers. Writers build their doc from the server's sync step 2 and then type into one §5 entry;
 * they do not apply what others type (that would make the generator, not the server, the
 * bottleneck): each keystroke only depends on the initial document and on the writer's own
 * earlier keystrokes, which the server has already seen. Observers never apply anything either:
 * they read the id of the first struct of each update to match it with its send time.
 */

/** Send times of keystrokes by `client:clock`, and the latencies observers measured for them. */
export class LatencyBook {
  private readonly sentAt = new Map<string, number>();
  readonly samples: number[] = [];

  noteSent(client: number, clock: number) {
    this.sentAt.set(`${client}:${clock}`, performance.now());
  }

  noteReceived(client: number, clock: number) {
    const sent = this.sentAt.get(`${client}:${clock}`);
    if (sent !== undefined) this.samples.push(performance.now() - sent);
  }
}

export interface ClientOptions {
  cookie?: string | undefined;
  /** Writers keep the document to type into; observers do not. */
  writer: boolean;
  book?: LatencyBook;
  /** Which §5 entry a writer types into (modulo the number of entries). */
  entryIndex?: number;
}

export class ProtocolClient {
  readonly ws: WebSocket;
  readonly doc = new Y.Doc();
  /** Keystrokes sent, update-bearing messages sent (what acks count), acks and updates received. */
  keystrokes = 0;
  updateMessages = 0;
  acked = 0;
  received = 0;
  readonly opened: Promise<void>;
  readonly synced: Promise<void>;
  readonly closed: Promise<number>;
  private markSynced: () => void = () => undefined;
  private text: Y.XmlText | null = null;
  private readonly cursor = 0;

  constructor(
    url: string,
    private readonly options: ClientOptions,
  ) {
    this.ws = new WebSocket(url, { headers: options.cookie ? { cookie: options.cookie } : {}, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.ws.on('open', () => this.sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc), false));
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  }

  /** One keystroke in this writer's entry (typing or deleting a character); sends the update, returns its size. */
  type(): number {
    const text = this.text ?? this.pickEntry();
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.once('update', capture);
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    // Type a character, then delete it again: entries stay within the lock rules' length limit
    // however long the bench runs. Only insertions carry a struct whose latency is measured.
    if (this.keystrokes % 2 === 0) {
      text.insert(this.cursor, String.fromCharCode(97 + ((this.keystrokes / 2) % 26)));
      this.options.book?.noteSent(this.doc.clientID, clock);
    } else {
      text.delete(this.cursor, 1);
    }
    this.keystrokes++;
    const sent = update as Uint8Array | null;
    if (sent === null) throw new Error('typing produced no update');
    this.sendUpdate(sent);
    return sent.byteLength;
  }

  /** Sends any Yjs update as a sync update message. */
  sendUpdate(update: Uint8Array) {
    this.sendSync((encoder) => syncProtocol.writeUpdate(encoder, update), true);
  }

  /** Asks for the server's state; its step 2 answer comes after everything sent before. */
  roundTrip(): Promise<void> {
    return new Promise((resolve) => {
      this.markSynced = resolve;
      this.sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc()), false);
    });
  }

  close() {
    this.ws.close();
    this.doc.destroy();
  }

  private pickEntry(): Y.XmlText {
    const all = groups(this.doc).flatMap((group) => entries(group));
    const entry = all[(this.options.entryIndex ?? 0) % all.length];
    if (!entry) throw new Error('the document has no §5 entry');
    this.text = entryText(entry);
    return this.text;
  }

  private sendSync(write: (encoder: encoding.Encoder) => void, bearsUpdate: boolean) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    write(encoder);
    if (bearsUpdate) this.updateMessages++;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(encoder));
  }

  private onMessage(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.ack) {
      this.acked = decoding.readVarUint(decoder);
      return;
    }
    if (type !== MESSAGE.sync) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      // Answer with what we have (y-websocket does the same); for the server it is nothing new.
      const stateVector = decoding.readVarUint8Array(decoder);
      this.sendSync((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
      }, true);
    } else if (syncType === syncProtocol.messageYjsSyncStep2) {
      const update = decoding.readVarUint8Array(decoder);
      if (this.options.writer && this.text === null) Y.applyUpdate(this.doc, update, 'server');
      this.markSynced();
    } else if (syncType === syncProtocol.messageYjsUpdate) {
      this.received++;
      if (this.options.book) {
        // Update v1: number of clients, then per client: number of structs, client id, first clock.
        const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
        if (decoding.readVarUint(update) > 0) {
          decoding.readVarUint(update);
          const client = decoding.readVarUint(update);
          this.options.book.noteReceived(client, decoding.readVarUint(update));
        }
      }
    }
  }
}
