import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './context.js';
import { pageHints } from './pageHints.js';

/** Vite names every file under assets/ by its content's hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves the built client; any other path gets index.html, where the client's router takes over. */
export function staticRoutes(staticDir: string) {
  const root = relative(process.cwd(), staticDir) || '.';
  const indexFile = join(staticDir, 'index.html');
  const app = new Hono<AppEnv>();
  // The build writes .br and .gz beside each compressible asset (vite.config.ts).
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', IMMUTABLE);
      },
    }),
  );
  app.use('/favicon.svg', serveStatic({ root }));
  let index: string | null = null;
  let withHints: ((index: string, path: string) => string) | null = null;
  app.get('*', (c) => {
    index ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
    if (index === null) return c.text('Die Oberfläche ist nicht gebaut. Bitte „npm run build“ ausführen.', 503);
    withHints ??= pageHints(staticDir);
    return c.html(withHints(index, c.req.path));
  });
  return app;
}
