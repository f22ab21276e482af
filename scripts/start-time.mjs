#!/usr/bin/env node
/**
 * Measures `npm start` the way a newcomer meets it: the time from the command to the first HTTP
 * answer. The first run starts on an empty data folder (the demo is seeded, as on a first start),
 * the others restart on the same folder.
 *
 *   node scripts/start-time.mjs [runs]      (default 4; prints each run and the restarts' median)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 18_000 + Math.floor(Math.random() * 1000);

const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-start-'));

async function firstAnswer() {
  const started = performance.now();
  // Its own process group, so that stopping it stops npm's child (node) too.
  const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended with ${child.exitCode}: ${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/`);
        await response.arrayBuffer();
        return { ms: performance.now() - started, rebuilt: /gebaut/.test(output) };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const runs = Number(process.argv[2] ?? 4);
const restarts = [];
for (let i = 0; i < runs; i++) {
  const { ms, rebuilt } = await firstAnswer();
  if (i > 0) restarts.push(ms);
  const what = i === 0 ? 'erster Start (leere Datenbank)' : 'Neustart';
  process.stdout.write(`${i + 1}. ${what}: ${(ms / 1000).toFixed(2)} s${rebuilt ? ' (mit Build)' : ''}\n`);
}
rmSync(dataDir, { recursive: true, force: true });
restarts.sort((a, b) => a - b);
if (restarts.length > 0) process.stdout.write(`Median der Neustarts: ${(restarts[Math.floor(restarts.length / 2)] / 1000).toFixed(2)} s\n`);
