import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './context.js';

/** Serves the built client; any other path gets index.html, where the client's router takes over. */
export function staticRoutes(staticDir: string) {
  const root = relative(process.cwd(), staticDir) || '.';
  const indexFile = join(staticDir, 'index.html');
  const app = new Hono<AppEnv>();
  app.use('/assets/*', serveStatic({ root }));
  app.use('/favicon.svg', serveStatic({ root }));
  let index: string | null = null;
  app.get('*', (c) => {
    index ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
    if (index === null) return c.text('Die Oberfläche ist nicht gebaut. Bitte „npm run build“ ausführen.', 503);
    return c.html(index);
  });
  return app;
}
