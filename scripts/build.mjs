#!/usr/bin/env node
/**
 * Builds what `npm start` runs, each part only when its sources changed:
 *   client  Vite → dist/client (served by the server)
 *   server  esbuild → dist/server/main.js and cli.js, one ES module each, node_modules left external,
 *           and commitWorker.js beside them (the store's commit thread, started by file name)
 *
 *   node scripts/build.mjs [client] [server] [--force]     (no part named: both)
 *
 * A part's stamp (dist/.stamps/<part>) holds the SHA-256 of its sources, configs and the lockfile;
 * when it matches and the output is there, the part is not rebuilt. Plain Node, no TypeScript:
 * it runs before anything is built (npm's `prepare`, `npm start`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT); // vite.config.ts names its root relative to here
const STAMPS = join(ROOT, 'dist', '.stamps');
const COMMON = ['shared', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'scripts/build.mjs'];

const PARTS = {
  client: {
    inputs: ['client', 'vite.config.ts', 'tsconfig.client.json', ...COMMON],
    output: 'dist/client/index.html',
    build: async () => {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  server: {
    inputs: ['server', 'tsconfig.server.json', ...COMMON],
    output: 'dist/server/main.js',
    build: async () => {
      const esbuild = await import('esbuild');
      rmSync(join(ROOT, 'dist', 'server'), { recursive: true, force: true });
      await esbuild.build({
        absWorkingDir: ROOT,
        // The commit worker is a thread started from its own file: server/store/writer/commitWriter.ts
        // looks for commitWorker.js beside the bundle that starts it.
        entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', commitWorker: 'server/store/writer/commitWorker.ts' },
        outdir: 'dist/server',
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // Dependencies load from node_modules as usual: native modules (better-sqlite3) and the
        // files packages find beside themselves (pdfkit's metrics, the fonts) stay where they are.
        packages: 'external',
        sourcemap: true,
        logLevel: 'warning',
      });
    },
  },
};

/** The files of an input (a file or a folder), relative to the root; none when it is missing. */
function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  const entries = readdirSync(full, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** The SHA-256 over the inputs' names and contents, sorted so that directory order does not count. */
function sourceHash(inputs) {
  const hash = createHash('sha256');
  const all = inputs.flatMap((input) => files(input)).sort();
  for (const file of all) {
    hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}

async function buildPart(name, force) {
  const part = PARTS[name];
  const hash = sourceHash(part.inputs);
  const stamp = join(STAMPS, name);
  const current = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  if (!force && current === hash && existsSync(join(ROOT, part.output))) return;
  const started = performance.now();
  await part.build();
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stamp, hash);
  process.stdout.write(`${name} gebaut in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((arg) => arg !== '--force');
const unknown = named.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  process.stderr.write(`Unbekannter Teil: ${unknown.join(', ')} (client, server)\n`);
  process.exit(2);
}
for (const name of named.length > 0 ? named : Object.keys(PARTS)) await buildPart(name, force);
