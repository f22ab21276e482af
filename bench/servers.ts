import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildStats } from './childStats.js';

export type ServerKind = 'ours' | 'reference';

/** A server under test in a child process of its own, so its CPU and memory are its own. */
export interface BenchServer {
  kind: ServerKind;
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
  cpuSeconds(): number;
  /** Resident memory now, from /proc/<pid>/status (VmRSS). */
  rssBytes(): number;
  /** Loaded documents, heap (after a full GC if asked) and the event loop's worst delay since the last call, over IPC. */
  stats(options?: { gc: boolean }): Promise<ChildStats>;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLOCK_TICKS = 100;

export async function startBenchServer(kind: ServerKind, env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<BenchServer> {
  const entry = kind === 'ours' ? 'bench/ourServer.ts' : 'bench/referenceServer.ts';
  const child: ChildProcess = fork(entry, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', ...nodeFlags],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 30_000);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      resolve((message as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${String(code)}`)));
  });
  const pid = child.pid ?? 0;
  return {
    kind,
    url,
    pid,
    cpuSeconds() {
      // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    rssBytes() {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return Number(match?.[1] ?? 0) * 1024;
    },
    stats(options = { gc: false }) {
      return new Promise((resolve) => {
        child.once('message', (message: unknown) => resolve(message as ChildStats));
        child.send(options.gc ? 'stats after gc' : 'stats');
      });
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
