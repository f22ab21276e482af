import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What a server child reports over its IPC channel when the bench asks: loaded documents, heap
 * after a full GC, and the worst event-loop delay since the last question. The channel is the
 * parent's pipe, not an HTTP endpoint, so neither server gains an admin route for the bench.
 */
export interface ChildStats {
  loadedDocuments: number;
  heapUsedBytes: number;
  rssBytes: number;
  eventLoopDelayMaxMs: number;
  /** The 99th percentile of the event loop's delay since the last question (a 2 ms timer's lateness). */
  eventLoopDelayP99Ms: number;
}

export function answerStats(loadedDocuments: () => number): void {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  process.on('message', (message: unknown) => {
    if (message !== 'stats' && message !== 'stats after gc') return;
    // Only when asked: a full GC blocks the loop, and the delay would count in the next window.
    if (message === 'stats after gc') (globalThis as { gc?: () => void }).gc?.();
    const stats: ChildStats = {
      loadedDocuments: loadedDocuments(),
      heapUsedBytes: process.memoryUsage().heapUsed,
      rssBytes: process.memoryUsage().rss,
      eventLoopDelayMaxMs: delay.max / 1e6,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
    };
    delay.reset();
    process.send?.(stats);
  });
}
