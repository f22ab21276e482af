import * as Y from 'yjs';
import { connectCrowd, docUrl, peakWhile, percentile, typeAtRate, until, type Crowd } from './load.js';
import { ProtocolClient } from './protocolClient.js';
import { benchAgreementId, initialState, type History } from './seed.js';
import type { BenchServer } from './servers.js';

/** The scenarios of issue 5. Each runs against one server and returns its figures by key. */

export interface Context {
  server: BenchServer;
  /** Session cookie for ours (a district editor of the bench agreements); none for the reference. */
  cookie: string | undefined;
  quick: boolean;
  histories: Map<string, History>;
}

export interface Metric {
  key: string;
  label: string;
  unit: string;
  better: 'lower' | 'higher';
}

export interface Scenario {
  name: string;
  metrics: Metric[];
  docs: number;
  run(ctx: Context, firstDoc: number): Promise<Record<string, number>>;
}

const ms = (key: string, label: string): Metric => ({ key, label, unit: 'ms', better: 'lower' });
/** The server's event-loop delay p99 while the scenario's load ran (ChildStats). */
const loopDelay = ms('loopP99', 'Ereignisschleife, Verzögerung p99');

/** Runs `load` and returns its result with the server's event-loop delay p99 during it. */
async function withLoopDelay<T>(ctx: Context, load: () => Promise<T>): Promise<T & { loopP99: number }> {
  await ctx.server.stats(); // starts a fresh window
  const result = await load();
  const stats = await ctx.server.stats();
  return { ...result, loopP99: stats.eventLoopDelayP99Ms };
}

/** The reference server keeps documents in memory only: a client gives each the agreement's content first. */
async function prepare(ctx: Context, ids: readonly string[], state: (id: string) => Uint8Array[] = () => [initialState()]) {
  if (ctx.server.kind === 'ours') return;
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map(async (id) => {
        const seeder = new ProtocolClient(docUrl(ctx.server, id), { writer: false });
        await seeder.synced;
        for (const update of state(id)) seeder.sendUpdate(update);
        await seeder.roundTrip();
        seeder.close();
      }),
    );
  }
}

const idsFrom = (first: number, count: number) => Array.from({ length: count }, (_, i) => benchAgreementId(first + i));

/** Waits until every observer has every keystroke of its document's writers (bounded). */
async function drained(crowd: Crowd, timeoutMs = 15_000): Promise<boolean> {
  const expected = crowd.writers.map((writers) => writers.reduce((sum, writer) => sum + writer.keystrokes, 0));
  return until(() => crowd.observers.every((observers, d) => observers.every((o) => o.received >= (expected[d] ?? 0))), timeoutMs);
}

function latencyFigures(samples: readonly number[], prefix: string): Record<string, number> {
  return { [`${prefix}p50`]: percentile(samples, 50), [`${prefix}p99`]: percentile(samples, 99), [`${prefix}max`]: samples.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY) };
}

export const propagation = (observers: number): Scenario => ({
  name: `Latenz 1 Schreiber → ${observers} Beobachter`,
  docs: 1,
  metrics: [ms('p50', 'p50'), ms('p99', 'p99'), ms('max', 'max'), loopDelay],
  async run(ctx, firstDoc) {
    const ids = idsFrom(firstDoc, 1);
    await prepare(ctx, ids);
    const crowd = await connectCrowd(ctx.server, ctx.cookie, ids, 1, observers);
    const { loopP99 } = await withLoopDelay(ctx, async () => {
      await typeAtRate(crowd.writers.flat(), 50, ctx.quick ? 0.4 : 3);
      await drained(crowd);
      return {};
    });
    crowd.close();
    return { ...latencyFigures(crowd.book.samples, ''), loopP99 };
  },
});

export const sustained = (docs: number, writersPerDoc: number, perSecond: number): Scenario => ({
  name: `Dauerlast ${docs} Dok. × ${writersPerDoc} Schreiber × ${perSecond}/s (angeboten ${docs * writersPerDoc * perSecond}/s)`,
  docs,
  metrics: [
    { key: 'rate', label: 'angenommen/s', unit: '1/s', better: 'higher' },
    ms('p99', 'p99'),
    loopDelay,
    // What the latencies cost, less bent by other load on the machine than the latencies are.
    { key: 'cpuPerThousand', label: 'Server-CPU je 1.000 Updates', unit: 'ms', better: 'lower' },
  ],
  async run(ctx, firstDoc) {
    const ids = idsFrom(firstDoc, docs);
    await prepare(ctx, ids);
    const crowd = await connectCrowd(ctx.server, ctx.cookie, ids, writersPerDoc, 1);
    const cpuBefore = ctx.server.cpuSeconds();
    const start = performance.now();
    const { loopP99 } = await withLoopDelay(ctx, async () => {
      await typeAtRate(crowd.writers.flat(), perSecond, ctx.quick ? 0.5 : 4);
      await drained(crowd);
      return {};
    });
    const seconds = (performance.now() - start) / 1000;
    const received = crowd.observers.flat().reduce((sum, o) => sum + o.received, 0);
    const sent = crowd.writers.flat().reduce((sum, w) => sum + w.keystrokes, 0);
    const cpuPerThousand = ((ctx.server.cpuSeconds() - cpuBefore) * 1e6) / sent;
    crowd.close();
    return { rate: received / seconds, p99: percentile(crowd.book.samples, 99), loopP99, cpuPerThousand };
  },
});

export const manyConnections = (docs: number, writersPerDoc: number): Scenario => ({
  name: `${docs * writersPerDoc} Verbindungen, ${docs} Dok. × ${writersPerDoc} Schreiber × 2/s`,
  docs,
  metrics: [
    ms('p50', 'p50'),
    ms('p99', 'p99'),
    loopDelay,
    { key: 'cpu', label: 'Server-CPU', unit: '%', better: 'lower' },
    { key: 'rss', label: 'Spitzen-RSS', unit: 'MiB', better: 'lower' },
    { key: 'lost', label: 'verloren', unit: 'Upd.', better: 'lower' },
  ],
  async run(ctx, firstDoc) {
    const ids = idsFrom(firstDoc, docs);
    await prepare(ctx, ids);
    // The first writer of each document also observes the others (what every editor does).
    const { result, peak } = await peakWhile(
      () => ctx.server.rssBytes(),
      (async () => {
        const crowd = await connectCrowd(ctx.server, ctx.cookie, ids, writersPerDoc, 1);
        const cpuBefore = ctx.server.cpuSeconds();
        const start = performance.now();
        const { complete, loopP99 } = await withLoopDelay(ctx, async () => {
          await typeAtRate(crowd.writers.flat(), 2, ctx.quick ? 1 : 10);
          return { complete: await drained(crowd, 20_000) };
        });
        const seconds = (performance.now() - start) / 1000;
        const cpu = ((ctx.server.cpuSeconds() - cpuBefore) / seconds) * 100;
        const sent = crowd.writers.flat().reduce((sum, w) => sum + w.keystrokes, 0);
        const seen = crowd.observers.flat().reduce((sum, o) => sum + o.received, 0);
        // Ours also acknowledges: an update sent and never acknowledged would be lost, too.
        const unacked = ctx.server.kind === 'ours' ? crowd.writers.flat().reduce((sum, w) => sum + (w.updateMessages - w.acked), 0) : 0;
        crowd.close();
        return { samples: crowd.book.samples, cpu, lost: Math.max(0, sent - seen) + unacked, complete, loopP99 };
      })(),
    );
    return { ...latencyFigures(result.samples, ''), loopP99: result.loopP99, cpu: result.cpu, rss: peak / 2 ** 20, lost: result.lost };
  },
});

export const historySync = (historyDocId: string, updates: number): Scenario => ({
  name: `Sync eines Dokuments mit ${updates.toLocaleString('de-DE')} Updates Verlauf`,
  docs: 0,
  metrics: [ms('first', 'erster Client (Laden)'), ms('cold', 'neuer Client, Dok. entladen (kompaktiert)'), ms('warm', 'neuer Client, Dok. geladen')],
  async run(ctx) {
    const history = ctx.histories.get(historyDocId);
    if (!history) throw new Error(`no history for ${historyDocId}`);
    await prepare(ctx, [historyDocId], () => {
      const chunks: Uint8Array[] = [history.base];
      for (let i = 0; i < history.updates.length; i += 2000) chunks.push(...history.updates.slice(i, i + 2000));
      return chunks;
    });
    const syncOnce = async () => {
      const start = performance.now();
      const client = new ProtocolClient(docUrl(ctx.server, historyDocId), { cookie: ctx.cookie, writer: false });
      await client.synced;
      const took = performance.now() - start;
      return { client, took };
    };
    // Ours loads snapshot + log and compacts on this first load; the reference has it in memory.
    const first = await syncOnce();
    first.client.close();
    const unloaded = await waitUnloaded(ctx, 0);
    const cold = await syncOnce();
    const warm = await syncOnce();
    cold.client.close();
    warm.client.close();
    return { first: first.took, cold: unloaded ? cold.took : Number.NaN, warm: warm.took };
  },
});

/** Waits (bounded) until the server has at most `count` documents loaded. */
async function waitUnloaded(ctx: Context, count: number): Promise<boolean> {
  if (ctx.server.kind === 'reference') return (await ctx.server.stats()).loadedDocuments <= count;
  for (let i = 0; i < 100; i++) {
    if ((await ctx.server.stats()).loadedDocuments <= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export const openEditClose = (cycles: number): Scenario => ({
  name: `${cycles} × öffnen–bearbeiten–schließen auf verschiedenen Dok.`,
  docs: cycles,
  metrics: [
    { key: 'loaded', label: 'danach geladene Dok.', unit: '', better: 'lower' },
    { key: 'heap', label: 'Heap nach GC', unit: 'MiB', better: 'lower' },
    { key: 'rss', label: 'RSS', unit: 'MiB', better: 'lower' },
    ms('cycle', 'Zyklus p50'),
  ],
  async run(ctx, firstDoc) {
    const ids = idsFrom(firstDoc, cycles);
    const times: number[] = [];
    const parallel = 10;
    for (let i = 0; i < ids.length; i += parallel) {
      await Promise.all(
        ids.slice(i, i + parallel).map(async (id) => {
          const start = performance.now();
          const client = new ProtocolClient(docUrl(ctx.server, id), { cookie: ctx.cookie, writer: true });
          await client.synced;
          // The reference starts every document empty: this client brings the agreement's content.
          if (ctx.server.kind === 'reference') {
            const state = initialState();
            Y.applyUpdate(client.doc, state);
            client.sendUpdate(state);
          }
          client.type();
          if (ctx.server.kind === 'ours') await until(() => client.acked >= client.updateMessages, 10_000);
          else await client.roundTrip();
          client.close();
          times.push(performance.now() - start);
        }),
      );
    }
    await waitUnloaded(ctx, 0);
    const stats = await ctx.server.stats({ gc: true });
    return { loaded: stats.loadedDocuments, heap: stats.heapUsedBytes / 2 ** 20, rss: ctx.server.rssBytes() / 2 ** 20, cycle: percentile(times, 50) };
  },
});
