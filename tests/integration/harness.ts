import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE } from '../../shared/protocol.js';
import { memoryLogger } from '../../server/log.js';
import { startServer, type RunningServer, type ServerOptions } from '../../server/start.js';

/** The demo's Werra-Meißner draft, which tests edit, comment on and sign (the 2025 round). */
export const WMK = 'aqb-2025-werra-meissner-kreis';
/** The published 2024 agreement, recorded in the demo as signed on paper: its text is the reference. */
export const WMK_2024 = 'aqb-2024-werra-meissner-kreis';

/** What a test may set of the server: rates, origins, heartbeat, mail (SMTP_URL, MAIL_FROM, the worker's backoff) and the deadline reminders' clock. */
export type TestServerOptions = Partial<Pick<ServerOptions, 'connectRate' | 'credentials' | 'staticDir' | 'publicUrl' | 'allowedOrigins' | 'heartbeat' | 'smtpUrl' | 'mailFrom' | 'mailWorker' | 'deadlineReminders'>>;
export const FULDA = 'aqb-2024-fulda';

export interface TestServer extends RunningServer {
  dataDir: string;
  log: ReturnType<typeof memoryLogger>;
  /**
   * Stops this server and starts a new one on the same store, on a new port: fetch keeps idle
   * connections alive per origin and could send the next request into a socket the old server
   * has just closed. A test that needs the same port passes it to newServer itself.
   */
  restart(): Promise<TestServer>;
  dispose(): Promise<void>;
}

/** A built client's folder for `newServer`'s staticDir: each file by its path, folders as needed. */
export function staticFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vereinbar-static-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A real server on port 0 with the real SQLite store in a temporary folder (Hocuspocus' newHocuspocus). */
export async function newServer(dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-test-')), port = 0, options: TestServerOptions = {}): Promise<TestServer> {
  const log = memoryLogger();
  const server = await startServer({ port, host: '127.0.0.1', dataDir, seed: 'demo', staticDir: null, log, idleUnloadMs: 100, ...options });
  const test: TestServer = {
    ...server,
    dataDir,
    log,
    async restart() {
      await server.close();
      return newServer(dataDir, 0, options);
    },
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

/** Logs in through the API and returns the session cookie. */
export async function login(server: { url: string }, username: string, password = 'demo'): Promise<string> {
  const response = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes this client's sockets were closed with, in order. */
  closes: number[];
  /** Highest acknowledgement number received on the current socket. */
  lastAck(): number;
  /** Update-bearing sync messages (step 2, update) sent on the current socket: what lastAck must reach. */
  sentUpdates(): number;
  destroy(): void;
}

/** Whether a frame is a sync step 2 or update, the messages the server numbers and acknowledges. */
function bearsUpdate(data: unknown): boolean {
  if (!(data instanceof Uint8Array)) return false;
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== MESSAGE.sync) return false;
  const syncType = decoding.readVarUint(decoder);
  return syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate;
}

/** A y-websocket client in Node, authenticated by the cookie (Hocuspocus' newHocuspocusProvider). */
export function newClient(server: { url: string }, agreementId: string, cookie: string, options: { connect?: boolean } = {}): TestClient {
  const doc = new Y.Doc();
  const closes: number[] = [];
  let ack = 0;
  let sent = 0;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      ack = 0;
      sent = 0;
      // Count what the provider sends, to know when everything it sent is acknowledged.
      const send = this.send.bind(this) as (...args: unknown[]) => void;
      this.send = ((data: unknown, ...rest: unknown[]) => {
        if (bearsUpdate(data)) sent++;
        send(data, ...rest);
      }) as WebSocket['send'];
    }
  }
  const provider = new WebsocketProvider(server.url.replace('http', 'ws') + '/collab', agreementId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  });
  provider.messageHandlers[MESSAGE.ack] = (_encoder, decoder: decoding.Decoder) => {
    ack = decoding.readVarUint(decoder);
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    lastAck: () => ack,
    sentUpdates: () => sent,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return;
  await new Promise<void>((resolve) => client.provider.once('sync', () => resolve()));
}

/** A request to the server's API as the user behind `cookie`. */
export function api(server: { url: string }, path: string, cookie: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return fetch(`${server.url}/api${path}`, { ...init, headers });
}

/** The agreement as printed (GET /api/agreements/:id/text). */
export async function agreementText(server: { url: string }, agreementId: string, cookie: string): Promise<string> {
  const response = await api(server, `/agreements/${agreementId}/text`, cookie);
  if (response.status !== 200) throw new Error(`text of ${agreementId}: ${response.status}`);
  return response.text();
}

/** The expected print text of the demo agreement, the project's copy of the reference. */
export const REFERENCE_TEXT = readFileSync(new URL('../fixtures/reference-2024-werra-meissner.expected.txt', import.meta.url), 'utf8');

export interface Suite<U extends string> {
  /** The running server; a test that restarts it assigns the new one here. */
  server: TestServer;
  /** One session cookie per user, logged in once for the whole suite (scrypt is slow on purpose). */
  cookies: Record<U, string>;
}

/** The demo's cast of both parties of the Werra-Meißner agreement, and Fulda's editor as an outsider. */
export const DEMO_CAST = {
  ministry: 'hmsi-referat',
  minister: 'hmsi-ministerin',
  district: 'wmk-referat',
  landraetin: 'wmk-landraetin',
  viewer: 'wmk-gast',
  fulda: 'fd-referat',
} as const;
export type DemoRole = keyof typeof DEMO_CAST;

/** One server for the enclosing describe block, with the given users logged in. */
export function suiteServer<U extends string>(usernames: Record<U, string>, options: TestServerOptions = {}): Suite<U> {
  const suite = { cookies: {} } as Suite<U>;
  beforeAll(async () => {
    suite.server = await newServer(undefined, 0, options);
    await Promise.all(
      (Object.entries(usernames) as [U, string][]).map(async ([key, username]) => {
        suite.cookies[key] = await login(suite.server, username);
      }),
    );
  });
  afterAll(async () => {
    await suite.server.dispose();
  });
  return suite;
}

/**
 * The ids of the entries of a carried-over agreement by the id each came from: the demo's 2025
 * drafts get new ids at every seed, so tests name an entry by its 2024 original ('p-wmk24-aktiv').
 */
export async function carriedEntryIds(server: { url: string }, agreementId: string, cookie: string): Promise<(previousId: string) => string> {
  const client = newClient(server, agreementId, cookie);
  try {
    await synced(client);
    const ids = new Map<string, string>();
    for (const element of client.doc.getXmlFragment('body').createTreeWalker((node) => node instanceof Y.XmlElement && typeof node.getAttribute('carriedFrom') === 'string')) {
      const entry = element as Y.XmlElement;
      ids.set(String(entry.getAttribute('carriedFrom')), String(entry.getAttribute('id')));
    }
    return (previousId) => {
      const id = ids.get(previousId);
      if (id === undefined) throw new Error(`no entry of ${agreementId} carried from ${previousId}`);
      return id;
    };
  } finally {
    client.destroy();
  }
}
