import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClient } from './browser.js';
import { seedBenchStore } from './seed.js';
import { startBenchServer } from './servers.js';

/**
 * `npm run bench:client`: only the agreement page's figures of `npm run bench` (navigation →
 * editable and synced, its JavaScript gzipped), against our server on a freshly seeded store,
 * started as `npm run bench` starts it.
 * `--runs <n>` (default 5); `--detail` prints, per run, when each request of the page started and
 * ended, to see where the time goes. Build the client first (`node scripts/build.mjs client`).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STATIC_DIR = join(ROOT, 'dist/client');
const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 5;
const detail = process.argv.includes('--detail');

const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-bench-client-'));
try {
  await seedBenchStore(dataDir, { agreements: 0, histories: new Map() });
  const server = await startBenchServer('ours', { DATA_DIR: dataDir, STATIC_DIR, IDLE_UNLOAD_MS: '2000', BENCH_UNTHROTTLED: '1' });
  try {
    const figures = await measureClient(server, STATIC_DIR, runs, { detail });
    if (detail) {
      for (const [run, timeline] of figures.timelines.entries()) {
        process.stdout.write(`\nRun ${run + 1}: ${Math.round(figures.readyMs[run] ?? 0)} ms\n`);
        for (const entry of timeline) process.stdout.write(`  ${String(Math.round(entry.start)).padStart(5)} – ${String(Math.round(entry.end)).padStart(5)} ms  ${entry.name}\n`);
      }
    }
    process.stdout.write('\n');
    for (const script of figures.scripts) process.stdout.write(`  ${script.file}: ${(script.gzipBytes / 1024).toFixed(1)} KiB gzip -9\n`);
    process.stdout.write(`JavaScript der Vereinbarungsseite: ${(figures.gzipBytes / 1024).toFixed(1)} KiB (gzip -9)\n`);
    process.stdout.write(`Navigation → bearbeitbar und synchron: ${figures.readyMs.map((ms) => Math.round(ms)).join(', ')} ms; Median ${Math.round(figures.readyMedianMs)} ms\n`);
    process.stdout.write(`Load average: ${loadavg().map((load) => load.toFixed(2)).join(' ')}\n`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
