import { configFromEnv } from './config.js';
import { consoleLogger } from './log.js';
import { startServer } from './start.js';

/** The entry point of `npm start`: configuration from the environment, graceful stop on SIGTERM. */
const log = consoleLogger((process.env.LOG_LEVEL as 'info' | 'warn' | 'error' | undefined) ?? 'info');
const server = await startServer({ ...configFromEnv(), log });
process.stdout.write(`vereinbar läuft auf ${server.url}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown-failed', { error: String(error) });
        process.exit(1);
      },
    );
  });
}
