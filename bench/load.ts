import { LatencyBook, ProtocolClient } from './protocolClient.js';
import type { BenchServer } from './servers.js';

/** Small tools the scenarios share: connecting, pacing, waiting (bounded), percentiles. */

export function docUrl(server: BenchServer, docId: string): string {
  return `${server.url.replace('http', 'ws')}/collab/${docId}`;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Polls `done` until it holds or `timeoutMs` passes; returns whether it held. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

export interface Crowd {
  writers: ProtocolClient[][];
  observers: ProtocolClient[][];
  book: LatencyBook;
  all(): ProtocolClient[];
  close(): void;
}

/** Connects `writers` and `observers` per document, at most `batch` handshakes at a time. */
export async function connectCrowd(
  server: BenchServer,
  cookie: string | undefined,
  docIds: readonly string[],
  writersPerDoc: number,
  observersPerDoc: number,
  batch = 50,
): Promise<Crowd> {
  const book = new LatencyBook();
  const writers: ProtocolClient[][] = docIds.map(() => []);
  const observers: ProtocolClient[][] = docIds.map(() => []);
  const jobs: (() => ProtocolClient)[] = [];
  docIds.forEach((docId, d) => {
    for (let w = 0; w < writersPerDoc; w++) {
      jobs.push(() => {
        const client = new ProtocolClient(docUrl(server, docId), { cookie, writer: true, entryIndex: w, book });
        writers[d]?.push(client);
        return client;
      });
    }
    for (let o = 0; o < observersPerDoc; o++) {
      jobs.push(() => {
        const client = new ProtocolClient(docUrl(server, docId), { cookie, writer: false, book });
        observers[d]?.push(client);
        return client;
      });
    }
  });
  for (let i = 0; i < jobs.length; i += batch) {
    const clients = jobs.slice(i, i + batch).map((job) => job());
    await Promise.all(clients.map((client) => client.synced));
  }
  const all = () => [...writers.flat(), ...observers.flat()];
  return { writers, observers, book, all, close: () => all().forEach((client) => client.close()) };
}

/**
 * Every writer types at `perSecond` keystrokes a second for `seconds`, paced by one ticker for
 * all of them (no timer per client). Returns the wall time it took.
 */
export async function typeAtRate(writers: readonly ProtocolClient[], perSecond: number, seconds: number): Promise<number> {
  const start = performance.now();
  const total = Math.round(perSecond * seconds);
  // Spread the writers' phases so that they do not all type in the same millisecond.
  const offsets = writers.map((_, i) => (i / writers.length) * (1000 / perSecond));
  for (;;) {
    const elapsed = performance.now() - start;
    let pending = false;
    writers.forEach((writer, i) => {
      const due = Math.min(total, Math.floor(((elapsed - (offsets[i] ?? 0)) / 1000) * perSecond) + 1);
      while (writer.keystrokes < due) writer.type();
      if (writer.keystrokes < total) pending = true;
    });
    if (!pending) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - start;
}

/** Samples `sample()` every 100 ms while `work` runs and returns the largest value seen. */
export async function peakWhile<T>(sample: () => number, work: Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = sample();
  const timer = setInterval(() => (peak = Math.max(peak, sample())), 100);
  try {
    const result = await work;
    peak = Math.max(peak, sample());
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}
