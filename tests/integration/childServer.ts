import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real server (`server/main.ts`, what `npm start` runs) as a child process, so that a test
 * can kill it with SIGKILL: nothing in the process gets a chance to flush or clean up.
 */
export interface ChildServer {
  url: string;
  port: number;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far (its log lines). */
  output(): string;
  /** Kills the process with the signal and waits until it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function spawnServer(dataDir: string, port = 0, env: Record<string, string> = {}, args: readonly string[] = ['--import', 'tsx', 'server/main.ts']): Promise<ChildServer> {
  // PORT=0: the server picks a free port and prints its URL, so there is no race for a port. A
  // test whose clients must find the restarted server again passes the first one's port.
  // `args`: what node runs; the TypeScript sources by default, the build (dist/server/main.js) if asked.
  const child: ChildProcess = spawn(process.execPath, [...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'demo',
      DEMO_PASSWORD: 'demo',
      STATIC_DIR: join(dataDir, 'no-client-here'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    exited,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
