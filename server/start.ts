import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { CLOSE } from '../shared/protocol.js';
import { createApp, type AppDeps } from './app.js';
import { consoleLogger, type Logger } from './log.js';
import { DeadlineReminders, type DeadlineReminderOptions } from './notifications/deadlines.js';
import { smtpTransport } from './notifications/mailTransport.js';
import { MailWorker, type MailWorkerOptions } from './notifications/mailWorker.js';
import { seedDemo } from './seed/demo.js';
import { SqliteStore } from './store/sqlite.js';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** 'demo' seeds the demo into an empty store; 'none' never seeds. */
  seed: 'demo' | 'none';
  staticDir: string | null;
  demoPassword?: string;
  /** The origin users open (PUBLIC_URL); once set (or ALLOWED_ORIGINS), Host is no longer trusted. */
  publicUrl?: string;
  allowedOrigins?: readonly string[];
  secureCookies?: boolean;
  idleUnloadMs?: number;
  connectRate?: AppDeps['connectRate'];
  credentials?: AppDeps['credentials'];
  heartbeat?: AppDeps['heartbeat'];
  /** SMTP_URL: without it no mail is written or sent (notifications stay in the app). */
  smtpUrl?: string;
  /** MAIL_FROM, the sender of notification mail. */
  mailFrom?: string;
  /** Backoff and polling of the mail worker (tests shorten them). */
  mailWorker?: Pick<MailWorkerOptions, 'retryBaseMs' | 'maxAttempts' | 'pollMs' | 'digestEveryMs'>;
  /** How often deadline reminders are looked for, and their clock (tests set both). */
  deadlineReminders?: DeadlineReminderOptions;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  /** How many documents are loaded right now (the bench shows that idle ones are unloaded). */
  loadedDocuments(): number;
  /** Stops accepting, commits what is in flight, closes sockets with 1001, closes the store. */
  close(): Promise<void>;
}

/**
 * V8 moves the objects of an allocation site straight to the old generation once most of them have
 * survived (allocation-site pretenuring). Opening documents trains it: the structures built for a
 * document live as long as the document, and they come from the same code as the short-lived ones
 * of every keystroke later. With 100 documents opened together, the keystrokes' garbage then went
 * to the old generation, 14 MB/s instead of 3, and the heap grew to 170 MiB before a full GC
 * (bench „1000 Verbindungen“; 97 MiB without). The server's long-lived objects are few and
 * made at load, so the young generation serves them as well.
 */
function tuneGarbageCollector() {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  tuneGarbageCollector();
  const log = options.log ?? consoleLogger();
  const store = new SqliteStore(options.dataDir, { log });
  store.startWriter();
  const { app, injectWebSocket, rooms, templateRooms, agreements, rounds, notifications } = createApp({
    store,
    log,
    staticDir: options.staticDir,
    publicUrl: options.publicUrl,
    allowedOrigins: [...(options.publicUrl ? [new URL(options.publicUrl).origin] : []), ...(options.allowedOrigins ?? [])],
    secureCookies: options.secureCookies ?? false,
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    connectRate: options.connectRate,
    credentials: options.credentials,
    heartbeat: options.heartbeat,
    notifications: { mail: Boolean(options.smtpUrl), publicUrl: options.publicUrl ?? '' },
  });
  if (options.seed === 'demo') await seedDemo(store, { agreements, rounds }, options.demoPassword ?? 'demo', log);

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
  });
  injectWebSocket(server);
  let mailWorker: MailWorker | null = null;
  if (options.smtpUrl) {
    if (!options.publicUrl) throw new Error('SMTP_URL needs PUBLIC_URL: the links in notification mails point there');
    mailWorker = new MailWorker(store, smtpTransport(options.smtpUrl, options.mailFrom ?? 'vereinbar <vereinbar@localhost>'), log, { publicUrl: options.publicUrl, ...options.mailWorker });
    const worker = mailWorker;
    notifications.notifier.onMailQueued = () => worker.wake();
    await worker.start();
  }
  // After the mail worker, so that reminders with mail wake it. Not awaited: a start does not wait
  // for the first look at the deadlines (a few hundred ms in the week around one); close() does.
  const reminders = new DeadlineReminders(store, notifications.notifier, log, options.deadlineReminders);
  void reminders.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  log.info('listening', { url, dataDir: options.dataDir });

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    loadedDocuments: () => rooms.loadedCount,
    close() {
      closing ??= (async () => {
        server.close();
        rounds.events.close();
        await rooms.drain(CLOSE.goingAway, 'server shutting down');
        await templateRooms.drain(CLOSE.goingAway, 'server shutting down');
        await reminders.stop();
        await mailWorker?.stop();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await store.close();
        log.info('stopped', {});
      })();
      return closing;
    },
  };
}
