import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/browser.js';
import { percentile } from './load.js';
import type { BenchServer } from './servers.js';

/** The demo's editable Werra-Meißner draft (2024 is final, signed on paper). */
const AGREEMENT = 'aqb-2025-werra-meissner-kreis';
const SAVED = 'Alle Änderungen gespeichert';
const EDITABLE_P4 = '.ProseMirror[contenteditable="true"] .template-block[data-block="p4"]';

export interface ClientFigures {
  /** The JavaScript files the agreement page loaded, and their size gzipped (-9) from dist/client. */
  scripts: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  /** Navigation → editable editor with the agreement synced and nothing pending, per run. */
  readyMs: number[];
  readyMedianMs: number;
  /** With `detail`: per run, the page's requests, long tasks and websocket frames, in ms after navigation start. */
  timelines: TimelineEntry[][];
}

export interface TimelineEntry {
  name: string;
  start: number;
  end: number;
}

/** Collects the page's long tasks and when its states appear, from before the page's own scripts run. */
const OBSERVE_PAGE = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ name: 'long task', start: e.startTime, end: e.startTime + e.duration }); }).observe({ type: 'longtask', buffered: true });
const seen = new Set();
const mark = (name) => { if (!seen.has(name)) { seen.add(name); const at = performance.now(); window.__longTasks.push({ name: 'page: ' + name, start: at, end: at }); } };
new MutationObserver(() => {
  const status = document.querySelector('.page-status');
  if (status) mark('shows ' + status.textContent);
  if (document.querySelector(${JSON.stringify(EDITABLE_P4)})) mark('editable §4 in the DOM');
  const saved = document.querySelector('.save-indicator');
  if (saved) mark('save indicator: ' + saved.textContent);
}).observe(document, { subtree: true, childList: true, characterData: true });`;

/** The navigation's phases, every resource and the long tasks, read in the page once it is ready. */
function readTimeline(): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (navigation) {
    entries.push({ name: 'HTML', start: navigation.requestStart, end: navigation.responseEnd });
    entries.push({ name: 'DOMContentLoaded', start: navigation.domContentLoadedEventStart, end: navigation.domContentLoadedEventEnd });
  }
  for (const resource of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    entries.push({ name: `${resource.initiatorType} ${new URL(resource.name).pathname} (${resource.transferSize} B)`, start: resource.startTime, end: resource.responseEnd });
  }
  entries.push(...((window as unknown as { __longTasks: TimelineEntry[] }).__longTasks ?? []));
  return entries;
}

/** Opens the agreement page in headless Chromium `runs` times, each in a fresh context (cold cache). */
export async function measureClient(server: BenchServer, staticDir: string, runs: number, options: { detail?: boolean } = {}): Promise<ClientFigures> {
  const browser = await launchChromium();
  const scripts = new Set<string>();
  const readyMs: number[] = [];
  const timelines: TimelineEntry[][] = [];
  try {
    let start = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
      const login = await context.request.post('/api/login', { data: { username: 'wmk-referat', password: 'demo' } });
      if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
      if (options.detail) await context.addInitScript(OBSERVE_PAGE);
      const page = await context.newPage();
      const frames: TimelineEntry[] = [];
      if (options.detail) {
        page.on('websocket', (socket) => {
          const opened = performance.now() - start;
          frames.push({ name: `websocket ${new URL(socket.url()).pathname} created`, start: opened, end: opened });
          const frame = (direction: string) => (data: { payload: string | Buffer }) => {
            const at = performance.now() - start;
            frames.push({ name: `websocket ${direction} ${data.payload.length} B`, start: at, end: at });
          };
          socket.on('framesent', frame('sent'));
          socket.on('framereceived', frame('received'));
        });
      }
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path.endsWith('.js')) scripts.add(path);
      });
      start = performance.now();
      const startEpoch = Date.now();
      await page.goto(`/vereinbarungen/${AGREEMENT}`);
      // Checked on every animation frame: Playwright's locator.waitFor() polls an absent element
      // after 0, 20, 50, 100, 100 and then every 500 ms, which added up to half a second to the figure.
      await page.waitForFunction(
        ([editable, saved]) => document.querySelector(editable) !== null && document.querySelector('.save-indicator')?.textContent === saved,
        [EDITABLE_P4, SAVED] as const,
        { timeout: 30_000, polling: 'raf' },
      );
      readyMs.push(performance.now() - start);
      if (options.detail) {
        const ready = performance.now() - start;
        // The page's clock starts at its navigation, some time after goto() was called.
        const origin = (await page.evaluate(() => performance.timeOrigin)) - startEpoch;
        const pageEntries = (await page.evaluate(readTimeline)).map((entry) => ({ ...entry, start: entry.start + origin, end: entry.end + origin }));
        const marks = [
          { name: 'navigation start (page clock 0)', start: origin, end: origin },
          { name: 'ready (bench clock)', start: ready, end: ready },
        ];
        timelines.push([...pageEntries, ...frames, ...marks].sort((a, b) => a.start - b.start));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sizes = [...scripts].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(staticDir, file)), { level: 9 }).byteLength }));
  return { scripts: sizes, gzipBytes: sizes.reduce((sum, s) => sum + s.gzipBytes, 0), readyMs, readyMedianMs: percentile(readyMs, 50), timelines };
}
