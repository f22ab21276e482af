import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let built: URL | null = null;

/**
 * The commit worker as plain JavaScript when the server runs from its TypeScript sources (tsx,
 * vitest, the bench): commitWorker.ts bundled as scripts/build.mjs bundles it for dist/server
 * (node_modules left external), written once per content into node_modules/.cache/vereinbar,
 * where the thread resolves its packages from the project's node_modules. So the thread runs what
 * production runs. Registering tsx in the thread instead cost a loader-hooks thread of its own:
 * ≈ 40 MiB of resident memory for the worker instead of ≈ 15.
 *
 * Built once per process (esbuild, ≈ 30 ms); concurrent processes write the same content under the
 * same name through a rename, so none reads a half-written file. esbuild is loaded only here and
 * is a build tool of the project (`npm start` builds with it), never a package the built server
 * imports.
 */
export function commitWorkerFromSource(): URL {
  if (built) return built;
  const here = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [fileURLToPath(new URL('./commitWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild wrote no commit worker');
  const dir = join(root, 'node_modules', '.cache', 'vereinbar');
  const file = join(dir, `commitWorker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  built = pathToFileURL(file);
  return built;
}
