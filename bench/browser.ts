import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/browser.js';
import { percentile } from './load.js';
import type { BenchServer } from './servers.js';

/** The demo's editable Werra-Meißner draft (2024 is final, signed on paper). */
const AGREEMENT = 'aqb-2025-werra-meissner-kreis';
const SAVED = 'Alle Änderungen gespeichert';

export interface ClientFigures {
  /** The JavaScript files the agreement page loaded, and their size gzipped (-9) from dist/client. */
  scripts: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  /** Navigation → editable editor with the agreement synced and nothing pending, per run. */
  readyMs: number[];
  readyMedianMs: number;
}

/** Opens the agreement page in headless Chromium `runs` times, each in a fresh context (cold cache). */
export async function measureClient(server: BenchServer, staticDir: string, runs: number): Promise<ClientFigures> {
  const browser = await launchChromium();
  const scripts = new Set<string>();
  const readyMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
      const login = await context.request.post('/api/login', { data: { username: 'wmk-referat', password: 'demo' } });
      if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
      const page = await context.newPage();
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path.endsWith('.js')) scripts.add(path);
      });
      const start = performance.now();
      await page.goto(`/vereinbarungen/${AGREEMENT}`);
      await page.locator('.ProseMirror[contenteditable="true"] .template-block[data-block="p4"]').waitFor({ timeout: 30_000 });
      await page.waitForFunction((saved) => document.querySelector('.save-indicator')?.textContent === saved, SAVED, { timeout: 30_000, polling: 'raf' });
      readyMs.push(performance.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sizes = [...scripts].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(staticDir, file)), { level: 9 }).byteLength }));
  return { scripts: sizes, gzipBytes: sizes.reduce((sum, s) => sum + s.gzipBytes, 0), readyMs, readyMedianMs: percentile(readyMs, 50) };
}
