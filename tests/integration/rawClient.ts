import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE } from '../../shared/protocol.js';

/**
 * A client that speaks the y-websocket protocol by hand, without the provider's safety nets: what
 * a modified browser could send. It builds its Y.Doc from the server's sync step 2 and sends every
 * local change of that doc as a sync update, so a test makes a forbidden change the way any other
 * Yjs edit is made and the server sees exactly the bytes Yjs produces for it.
 */
export interface RawClient {
  doc: Y.Doc;
  ws: WebSocket;
  /** Resolves once the server's sync step 2 has been applied to `doc`. */
  synced: Promise<void>;
  /** Resolves with the close code and reason the server sent (or 1006 when the socket just died). */
  closed: Promise<{ code: number; reason: string }>;
  /** Update-bearing sync messages (step 2 and update) sent on this socket. */
  sent(): number;
  /** Highest acknowledgement number received. */
  lastAck(): number;
  /** Sends any bytes as one binary frame. */
  sendRaw(data: Uint8Array): void;
  close(): void;
}

/** The origin under which the server's changes are applied to the local doc, so they are not echoed. */
const FROM_SERVER = Symbol('from server');

export function wsUrl(server: { url: string }, agreementId: string): string {
  return `${server.url.replace('http', 'ws')}/collab/${agreementId}`;
}

/** `autoPong: false` makes a client that stops answering the server's pings, like a sleeping laptop. */
export function connectRaw(server: { url: string }, agreementId: string, cookie: string, options: { autoPong?: boolean } = {}): RawClient {
  const doc = new Y.Doc();
  const ws = new WebSocket(wsUrl(server, agreementId), { headers: { cookie }, autoPong: options.autoPong ?? true });
  ws.binaryType = 'nodebuffer';
  let sent = 0;
  let ack = 0;
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });

  const send = (data: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(data);
  };
  const sendSync = (write: (encoder: encoding.Encoder) => void, bearsUpdate: boolean) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    write(encoder);
    if (bearsUpdate) sent++;
    send(encoding.toUint8Array(encoder));
  };

  ws.on('open', () => sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc), false));
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.ack) {
      ack = decoding.readVarUint(decoder);
    } else if (type === MESSAGE.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE.sync);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, doc, FROM_SERVER);
      // Answering the server's step 1 with our step 2 is an update-bearing message, as in y-websocket.
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        sent++;
        send(encoding.toUint8Array(reply));
      }
      if (syncType === syncProtocol.messageYjsSyncStep2) markSynced();
    }
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_SERVER) sendSync((encoder) => syncProtocol.writeUpdate(encoder, update), true);
  });

  return {
    doc,
    ws,
    synced,
    closed,
    sent: () => sent,
    lastAck: () => ack,
    sendRaw: send,
    close() {
      ws.close();
      doc.destroy();
    },
  };
}

export type UpgradeOutcome = { upgraded: boolean; status: number; messages: number };

/**
 * Tries the websocket upgrade with the given headers. A refusal is an HTTP status before the
 * upgrade ('unexpected-response'); an upgrade is closed again at once and reports how many
 * messages arrived meanwhile.
 */
export function tryUpgrade(server: { url: string }, agreementId: string, headers: Record<string, string>): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(server, agreementId), { headers });
    let messages = 0;
    ws.on('message', () => messages++);
    ws.on('unexpected-response', (request, response) => {
      response.resume();
      request.destroy();
      resolve({ upgraded: false, status: response.statusCode ?? 0, messages });
    });
    ws.on('open', () => {
      ws.close();
      resolve({ upgraded: true, status: 101, messages });
    });
    ws.on('error', (error) => reject(error));
  });
}
