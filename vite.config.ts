import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = '../dist/client';

/**
 * Writes `<file>.br` and `<file>.gz` beside every script, stylesheet and SVG of the build: the
 * server sends the one the browser accepts (server/routes/static.ts), compressed once here, not
 * on every request.
 */
function precompress(): Plugin {
  return {
    name: 'vereinbar-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        // As written, with the source map comment the bundle's output lacks.
        const path = join(outDir, fileName);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// The client lives in client/; `npm start` serves the built files from dist/client.
// In development (`npm run dev:client`) Vite proxies the API and the websocket to the server.
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    sourcemap: true,
    // dist/client/.vite/manifest.json: which chunks each lazily loaded page needs, for the
    // server's preload hints (server/routes/pageHints.ts).
    manifest: true,
    // On a busy machine every build warned that plugins took long; a newcomer's `npm install`
    // should print nothing it cannot act on.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          // Yjs and the websocket in a chunk of their own, not beside ProseMirror: the agreement
          // page opens its websocket as soon as this chunk has run (client/src/earlyRequests.ts),
          // while the editor's code is still being evaluated.
          groups: [{ name: 'collab', test: /node_modules[\\/](yjs|lib0|y-websocket|y-protocols)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/collab': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
