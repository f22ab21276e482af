import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClient, type ClientFigures } from './browser.js';
import { roundAndBoard } from './rounds.js';
import { versionsScenario } from './versions.js';
import { historySync, manyConnections, openEditClose, propagation, sustained, type Context, type Scenario } from './scenarios.js';
import { benchAgreementId, seedBenchStore } from './seed.js';
import { startBenchServer, type BenchServer } from './servers.js';

/**
 * `npm run bench`: our server (child process, real SQLite, sessions, lock rules) beside the
 * reference y-websocket server (@y/websocket-server 0.1.1, in memory), driven by the same clients.
 * `--quick` only checks that every scenario still runs (CI); its figures mean nothing.
 */
const quick = process.argv.includes('--quick');
/** `--only <text>` runs the scenarios whose name contains it; `--profile <dir>` writes our server's CPU profile there. */
const only = optionValue('--only');
const profileDir = optionValue('--profile');

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STATIC_DIR = join(ROOT, 'dist/client');

const allScenarios: Scenario[] = quick
  ? [propagation(1), propagation(5), sustained(1, 4, 50), sustained(5, 2, 20), manyConnections(5, 4), openEditClose(20), roundAndBoard(), versionsScenario()]
  : [propagation(1), propagation(10), propagation(50), sustained(1, 20, 90), sustained(100, 2, 20), manyConnections(100, 10), openEditClose(1000), roundAndBoard(), versionsScenario()];
const scenarios = allScenarios.filter((scenario) => only === undefined || scenario.name.includes(only));
const historySizes = (quick ? [1_000] : [10_000, 100_000]).filter((size) => only === undefined || historySync('', size).name.includes(only));

let next = 0;
const firstDocs = scenarios.map((scenario) => {
  const first = next;
  next += scenario.docs;
  return first;
});
const historyIds = historySizes.map((size, i) => {
  scenarios.push(historySync(benchAgreementId(next + i), size));
  firstDocs.push(0);
  return benchAgreementId(next + i);
});
const agreements = next + historyIds.length;

interface Row {
  scenario: string;
  metric: string;
  unit: string;
  better: 'lower' | 'higher';
  ours: number;
  reference: number;
  /** ours / reference. */
  ratio: number;
}

async function login(server: BenchServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`login ${username}: ${response.status}`);
  return cookie;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? Math.round(value).toLocaleString('de-DE') : value.toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

async function main() {
  const began = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-bench-'));
  const servers: BenchServer[] = [];
  try {
    process.stdout.write(`Seeding ${agreements} agreements and ${historySizes.join(' + ')} updates of history …\n`);
    const histories = await seedBenchStore(dataDir, { agreements, histories: new Map(historyIds.map((id, i) => [id, historySizes[i] ?? 0])) });
    const ours = await startBenchServer('ours', { DATA_DIR: dataDir, STATIC_DIR, IDLE_UNLOAD_MS: '2000', BENCH_UNTHROTTLED: '1' }, profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
    servers.push(ours);
    const reference = await startBenchServer('reference');
    servers.push(reference);
    const cookie = await login(ours, 'wmk-referat');

    const rows: Row[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      const figures: Record<string, number>[] = [];
      for (const server of [ours, reference]) {
        const ctx: Context = { server, cookie: server.kind === 'ours' ? cookie : undefined, quick, histories };
        const t = performance.now();
        figures.push(await scenario.run(ctx, firstDocs[i] ?? 0));
        process.stdout.write(`  ${scenario.name} – ${server.kind}: ${Math.round(performance.now() - t)} ms\n`);
      }
      for (const metric of scenario.metrics) {
        const ourFigure = figures[0]?.[metric.key] ?? Number.NaN;
        const referenceFigure = figures[1]?.[metric.key] ?? Number.NaN;
        rows.push({ scenario: scenario.name, metric: metric.label, unit: metric.unit, better: metric.better, ours: ourFigure, reference: referenceFigure, ratio: ourFigure / referenceFigure });
      }
    }

    const client: ClientFigures | null = only === undefined ? await measureClient(ours, STATIC_DIR, quick ? 1 : 5) : null;
    if (client) rows.push({ scenario: 'Client', metric: 'JS der Vereinbarungsseite (gzip -9)', unit: 'KiB', better: 'lower', ours: client.gzipBytes / 1024, reference: Number.NaN, ratio: Number.NaN });
    if (client) rows.push({ scenario: 'Client', metric: `Navigation → bearbeitbar & synchron (Median von ${client.readyMs.length})`, unit: 'ms', better: 'lower', ours: client.readyMedianMs, reference: Number.NaN, ratio: Number.NaN });

    const table = [
      '| Szenario | Messgröße | vereinbar | Referenz | Verhältnis |',
      '| --- | --- | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.scenario} | ${r.metric}${r.unit ? ` (${r.unit})` : ''} | ${format(r.ours)} | ${format(r.reference)} | ${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–'} |`),
    ].join('\n');
    process.stdout.write(`\n${table}\n\n`);
    const seconds = (performance.now() - began) / 1000;
    const environment = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadavg: loadavg(), quick, seconds };
    writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), environment, rows, client }, null, 2));
    process.stdout.write(`bench/results.json geschrieben; Laufzeit ${Math.round(seconds)} s${quick ? ' (--quick: nur Funktionsprüfung, keine aussagekräftigen Zahlen)' : ''}\n`);
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
