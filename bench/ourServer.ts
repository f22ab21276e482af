import { startServer } from '../server/start.js';
import { consoleLogger } from '../server/log.js';
import { answerStats } from './childStats.js';

/**
 * Our server as the bench runs it: the same startServer as `npm start` (real SQLite store,
 * sessions, Origin check, lock rules, group commit), on a data folder the bench seeded before.
 */
const env = process.env;
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: env.DATA_DIR ?? '',
  seed: 'none',
  staticDir: env.STATIC_DIR ?? null,
  idleUnloadMs: Number(env.IDLE_UNLOAD_MS ?? 30_000),
  log: consoleLogger('error'),
});
answerStats(() => server.loadedDocuments());
process.send?.({ url: server.url });
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
