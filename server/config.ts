import { resolve } from 'node:path';
import type { ServerOptions } from './start.js';

/** The server's configuration from the environment, with the embedded defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const seed = env.SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got ${seed}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    seed,
    staticDir: resolve(env.STATIC_DIR ?? './dist/client'),
    demoPassword: env.DEMO_PASSWORD ?? 'demo',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.SECURE_COOKIES === 'true',
  };
}
