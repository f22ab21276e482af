import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { CLOSE, MAX_FRAGMENTS, MAX_MESSAGE_BYTES } from '../shared/protocol.js';
import { Credentials, type CredentialOptions } from './auth/credentials.js';
import { Sessions } from './auth/sessions.js';
import { AgreementDetails } from './commands/agreementDetail.js';
import { AgreementService } from './commands/agreements.js';
import { CommentService } from './commands/comments.js';
import { SignoffService } from './commands/signoff.js';
import { CommentTitlesExtension } from './documents/commentTitles.js';
import { agreementSyncHooks } from './documents/hooks.js';
import type { AgreementPeer } from './documents/peer.js';
import { createNotifications, mountNotifications, type NotificationOptions } from './notifications/mount.js';
import type { Logger } from './log.js';
import { agreementRoutes } from './routes/agreements.js';
import { limitBody, MAX_JSON_BYTES } from './routes/bodyLimit.js';
import { mountAccounts } from './routes/accounts.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { collabRoutes } from './routes/collab.js';
import { signoffRoutes } from './routes/signoff.js';
import { originGuard, sessionMiddleware, signedIn, type AppEnv } from './routes/context.js';
import { roundRoutes } from './routes/rounds.js';
import { paperRoutes } from './routes/paper.js';
import { versionRoutes } from './routes/versions.js';
import { VersionService } from './history/service.js';
import { roundServices } from './commands/roundServices.js';
import { DocumentActivity } from './documents/activity.js';
import { staticRoutes } from './routes/static.js';
import type { Store } from './store/types.js';
import type { AttemptRate } from './sync/attemptLimit.js';
import type { HeartbeatOptions } from './sync/heartbeat.js';
import { RoomRegistry } from './sync/registry.js';

export interface AppDeps {
  store: Store;
  log: Logger;
  /** Built client files (dist/client); null serves no UI (API-only tests). */
  staticDir: string | null;
  /** Origins allowed besides the server's own (e.g. a reverse proxy's public address). */
  allowedOrigins?: readonly string[];
  secureCookies?: boolean;
  idleUnloadMs?: number;
  /** Websocket pings: how often, and after how long without an answer a connection is closed (HEARTBEAT). */
  heartbeat?: HeartbeatOptions;
  /** Websocket connection attempts allowed per user and per address (CONNECT_RATE by default). */
  connectRate?: { perUser: AttemptRate; perAddress: AttemptRate };
  /** The address users open (PUBLIC_URL), for links such as the one in the PDF's record. */
  publicUrl?: string;
  /** Login rate per address and the cap on concurrent password hashing (server/auth/credentials.ts). */
  credentials?: CredentialOptions;
  /** Open comment threads of an agreement, which block its release (0 without comments). */
  openThreadCount?: (agreementId: string) => Promise<number>;
  /** Mail for notifications (SMTP_URL set) and the links in it. */
  notifications?: NotificationOptions;
}

/**
 * Builds the whole app (HTTP routes and the websocket route) around the given store. It never
 * listens: server/start.ts does. Every stateful part is created here, per app.
 */
export function createApp(deps: AppDeps) {
  const { store, log } = deps;
  const app = new Hono<AppEnv>();
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  // ws accepts 100 MiB frames by default; the protocol's cap is far lower. Frames up to twice the
  // cap reach our handler (and get close code 4413); larger ones are cut off by ws itself (1009).
  wss.options.maxPayload = 2 * MAX_MESSAGE_BYTES;
  // Browsers send each message as one frame; a message in more than MAX_FRAGMENTS fragments is a
  // flood of tiny frames, and ws closes it with 1008 (its default allows 16,384).
  wss.options.maxFragments = MAX_FRAGMENTS;

  // What happens around a sync, in order: persistence and compaction, the lock rules, then the
  // comment threads' memory of their entries' titles (server/documents/).
  // …and last, the live board's notice that an agreement's document changed.
  const activity = new DocumentActivity();
  const hooks = agreementSyncHooks(store, log, Date.now, [new CommentTitlesExtension(store.comments, log), activity]);
  const rooms = new RoomRegistry<AgreementPeer>(hooks, { idleUnloadMs: deps.idleUnloadMs ?? 30_000, heartbeat: deps.heartbeat });
  const sessions = new Sessions(store);
  // Commands record their notifications in their own transactions (server/notifications/).
  const notifications = createNotifications(store, deps.notifications);
  const { notifier } = notifications;
  const agreements = new AgreementService(store, rooms, log, notifier);
  const comments = new CommentService(agreements, store.comments, rooms, log, notifier);
  const openThreadCount = deps.openThreadCount ?? ((id: string) => comments.openThreadCount(id));
  const credentials = new Credentials(store, log, deps.credentials);
  const signoff = new SignoffService({
    credentials,
    store,
    signoff: store.signoff,
    agreements,
    rooms,
    log,
    openThreadCount,
    notifier,
  });
  const details = new AgreementDetails({ agreements, signoff: (user, record) => signoff.view(user, record), openThreadCount: (id) => comments.openThreadCount(id) });
  const rounds = roundServices({ store, log, agreements, rooms, activity, notifier, openThreads: (id) => comments.openThreadCount(id) });

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const retryAfter = error.res?.headers.get('retry-after');
      if (retryAfter) c.header('Retry-After', retryAfter);
      if (error.status >= 500) log.error('request-failed', { path: c.req.path, cause: String(error.cause) });
      else log.info('request-refused', { path: c.req.path, status: error.status, cause: String(error.cause) });
      return c.json({ error: error.message }, error.status);
    }
    log.error('request-crashed', { path: c.req.path, error: error instanceof Error ? error.stack : String(error) });
    return c.json({ error: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.' }, 500);
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', originGuard(deps.allowedOrigins ?? []));
  // Every body is limited while it streams in, before anything else reads it: JSON to 64 KiB; the
  // scan upload sets its own 10 MiB limit once it knows who is uploading a PDF (routes/signoff.ts),
  // a paper agreement its scan's as base64 (routes/paper.ts).
  app.use('/api/*', except(['/api/agreements/:id/scans', '/api/agreements/paper'], limitBody(MAX_JSON_BYTES)));
  app.use('/api/*', sessionMiddleware(sessions));
  app.use('/collab/*', sessionMiddleware(sessions));
  app.use('/api/agreements/*', signedIn);
  app.use('/api/rounds', signedIn);
  app.use('/api/rounds/*', signedIn);
  const accounts = mountAccounts(app, { store, log, credentials, rooms });
  mountNotifications(app, store, notifications.live);

  const closeSessionSockets = (tokenHash: string) => {
    rounds.events.endSession(tokenHash);
    return rooms.closeWhere((peer) => peer.sessionTokenHash === tokenHash, CLOSE.unauthenticated, 'logged out');
  };
  app.route('/api', authRoutes(sessions, log, deps.secureCookies ?? false, closeSessionSockets, credentials));
  app.route('/api/agreements', agreementRoutes(agreements, details));
  app.route('/api/agreements', commentRoutes(comments));
  app.route('/api/agreements', signoffRoutes(signoff, { publicUrl: deps.publicUrl }));
  app.route('/api', roundRoutes({ ...rounds, log }));
  app.route('/api/agreements', paperRoutes(rounds.paper));
  app.route('/api/agreements', versionRoutes(new VersionService(store, rooms, log)));
  app.route('/collab', collabRoutes(agreements, rooms, upgradeWebSocket, log, deps.connectRate));
  app.all('/api/*', (c) => c.json({ error: 'Diese Schnittstelle gibt es nicht.' }, 404));
  if (deps.staticDir) app.route('/', staticRoutes(deps.staticDir));

  return { app, injectWebSocket, rooms, agreements, comments, signoff, details, accounts, rounds, notifications };
}
