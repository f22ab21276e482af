import { PasswordAttempts } from './auth/attempts.js';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { CLOSE, MAX_FRAGMENTS, MAX_MESSAGE_BYTES } from '../shared/protocol.js';
import { Sessions } from './auth/sessions.js';
import { AgreementService } from './commands/agreements.js';
import { CommentService } from './commands/comments.js';
import { SignoffService } from './commands/signoff.js';
import { agreementSyncHooks, type AgreementPeer } from './documents/hooks.js';
import type { Logger } from './log.js';
import { agreementRoutes } from './routes/agreements.js';
import { authRoutes } from './routes/auth.js';
import { commentRoutes } from './routes/comments.js';
import { collabRoutes } from './routes/collab.js';
import { signoffRoutes } from './routes/signoff.js';
import { originGuard, sessionMiddleware, type AppEnv } from './routes/context.js';
import { roundRoutes } from './routes/rounds.js';
import { paperRoutes } from './routes/paper.js';
import { roundServices } from './commands/roundServices.js';
import { staticRoutes } from './routes/static.js';
import { SqliteSignoffStore, type SignoffStore } from './store/signoff.js';
import { SqliteStore } from './store/sqlite.js';
import { CommentStore } from './store/comments.js';
import type { Store } from './store/types.js';
import type { AttemptRate } from './sync/attemptLimit.js';
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
  /** Websocket connection attempts allowed per user and per address (CONNECT_RATE by default). */
  connectRate?: { perUser: AttemptRate; perAddress: AttemptRate };
  /** Sign-off records; by default in the SQLite file of `store`. */
  signoffStore?: SignoffStore;
  /** Open comment threads of an agreement, which block its release (0 without comments). */
  openThreadCount?: (agreementId: string) => Promise<number>;
}

function sqliteOf(store: Store): SqliteStore {
  if (!(store instanceof SqliteStore)) throw new Error('the default sign-off store needs the SQLite store; pass signoffStore');
  return store;
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

  const hooks = agreementSyncHooks(store, log);
  const rooms = new RoomRegistry<AgreementPeer>(hooks, { idleUnloadMs: deps.idleUnloadMs ?? 30_000 });
  const sessions = new Sessions(store);
  const agreements = new AgreementService(store, rooms, log, hooks.noteWrites);
  const comments = new CommentService(agreements, CommentStore.on(store), rooms, log, hooks.noteWrites);
  agreements.useOpenThreadCount((id) => comments.openThreadCount(id));
  // After every applied batch, comment threads remember the title of their entry (for when it is deleted).
  const compactAfterApply = hooks.afterApply;
  hooks.afterApply = async (name, doc) => {
    await compactAfterApply?.(name, doc);
    await comments.afterApply(name, doc);
  };
  const attempts = new PasswordAttempts();
  const signoffStore = deps.signoffStore ?? new SqliteSignoffStore(sqliteOf(store).db);
  const signoff = new SignoffService({
    attempts,
    store,
    signoff: signoffStore,
    agreements,
    rooms,
    log,
    noteWrites: hooks.noteWrites,
    openThreadCount: deps.openThreadCount ?? ((id) => comments.openThreadCount(id)),
  });
  agreements.useSignoff((user, record) => signoff.view(user, record));
  const rounds = roundServices({ store, log, agreements, rooms, hooks, signoffStore, openThreads: (id) => comments.openThreadCount(id) });

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
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
  app.use('/api/*', sessionMiddleware(sessions));
  app.use('/collab/*', sessionMiddleware(sessions));

  const closeSessionSockets = (tokenHash: string) => {
    rounds.events.endSession(tokenHash);
    return rooms.closeWhere((peer) => peer.sessionTokenHash === tokenHash, CLOSE.unauthenticated, 'logged out');
  };
  app.route('/api', authRoutes(store, sessions, log, deps.secureCookies ?? false, closeSessionSockets, attempts));
  app.route('/api/agreements', agreementRoutes(agreements));
  app.route('/api/agreements', commentRoutes(comments));
  app.route('/api/agreements', signoffRoutes(signoff));
  app.route('/api', roundRoutes({ ...rounds, log }));
  app.route('/api/agreements', paperRoutes(rounds.paper));
  app.route('/collab', collabRoutes(agreements, rooms, upgradeWebSocket, log, deps.connectRate));
  app.all('/api/*', (c) => c.json({ error: 'Diese Schnittstelle gibt es nicht.' }, 404));
  if (deps.staticDir) app.route('/', staticRoutes(deps.staticDir));

  return { app, injectWebSocket, rooms, agreements, comments, signoff, hooks, rounds };
}
