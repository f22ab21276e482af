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
  // The bench opens thousands of sockets a minute as one user from one address, far beyond what
  // browsers do; the throttle would refuse them (that it does is tested in tests/integration).
  connectRate: env.BENCH_UNTHROTTLED === '1' ? { perUser: { burst: 1e9, perMinute: 1e9 }, perAddress: { burst: 1e9, perMinute: 1e9 } } : undefined,
  log: consoleLogger('error'),
});
answerStats(() => server.loadedDocuments());
process.send?.({ url: server.url });
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
