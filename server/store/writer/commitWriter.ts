import { Worker } from 'node:worker_threads';
import type { PendingUpdate } from '../types.js';
import { packUpdates } from './packedUpdates.js';
import { commitWorkerFromSource } from './workerFromSource.js';
import type { WriterMessage, WriterOptions, WriterReply, WriterRequest } from './protocol.js';

/** See CommitWriter.quiet. */
const QUIET_MS = 5;
const QUIET_MAX_UPDATES = 4;

type Body = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'id'> : never) : never;

/** The same commits on the store's own connection: used until the worker is ready, and if it cannot run. */
export interface MainThreadCommits {
  append(updates: PendingUpdate[]): number[];
  snapshot(agreementId: string, state: Uint8Array, at: number): void;
}

/**
 * The main thread's side of the commit worker (commitWorker.ts): hands it update batches and
 * snapshots, and resolves each once the worker has committed it. Requests are answered in the
 * order they were sent.
 *
 * The thread starts when asked (`warm`) or with the first commit; until it reports that its
 * connection is open, commits run on the main connection as before (equally durable, only on the
 * event loop): nothing waits for a thread to start, and nothing is sent to the worker before it
 * is ready, so the two never commit out of order. A worker that fails is not started again; the
 * main connection carries on and `onFailure` reports it. The thread holds the process open only
 * while a request is outstanding.
 */
export class CommitWriter {
  private worker: Worker | null = null;
  private ready = false;
  private failed = false;
  private nextId = 1;
  /** When the last commit ended (performance.now()). */
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  private readonly waiting = new Map<number, { resolve: (seqs: number[]) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly options: WriterOptions,
    private readonly main: MainThreadCommits,
    private readonly onFailure: (error: Error) => void = () => {},
  ) {}

  /** Appends the updates in one transaction; resolves with their sequence numbers once committed. */
  async append(updates: PendingUpdate[]): Promise<number[]> {
    if (!this.useWorker() || this.quiet(updates)) {
      const seqs = this.main.append(updates);
      this.lastCommitAt = performance.now();
      return seqs;
    }
    const packed = packUpdates(updates);
    return this.request({ kind: 'append', packed }, [packed.buffer as ArrayBuffer]);
  }

  /**
   * A few updates on a quiet server are committed on the main connection: the same commit, without
   * the two thread hops (≈ 0.25 ms of a keystroke's 1 ms commit when the threads were asleep). Only
   * when the worker has nothing outstanding (so the two never commit out of order) and nothing was
   * committed in the last QUIET_MS: under load every commit goes to the worker and the loop goes
   * on checking meanwhile.
   */
  private quiet(updates: readonly PendingUpdate[]): boolean {
    return this.waiting.size === 0 && updates.length <= QUIET_MAX_UPDATES && performance.now() - this.lastCommitAt > QUIET_MS;
  }

  /** Stores a document's compacted state as of its last committed update. */
  async snapshot(agreementId: string, state: Uint8Array, at: number): Promise<void> {
    if (!this.useWorker()) return this.main.snapshot(agreementId, state, at);
    await this.request({ kind: 'snapshot', agreementId, state, at });
  }

  /** Whether commits can go to the thread: it has reported that its connection is open. */
  get threadReady(): boolean {
    return this.ready && this.worker !== null;
  }

  /** Starts the thread ahead of the first commit. */
  warm(): void {
    if (!this.failed) this.worker ??= this.start();
  }

  /**
   * Lets the worker finish what it was sent, close its connection and end; resolves once the
   * thread has ended. Its connection is the last one to close and removes the WAL files then,
   * so the store's folder is complete only after this (a caller that deletes the folder, or a
   * process that copies it, waits for it).
   */
  close(): Promise<void> {
    const worker = this.worker;
    this.failed = true; // nothing more goes to a worker
    if (!worker) return Promise.resolve();
    this.worker = null;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ id: 0, kind: 'close' } satisfies WriterRequest);
    worker.unref();
    return ended;
  }

  private useWorker(): boolean {
    this.warm();
    return this.ready && this.worker !== null;
  }

  private request(body: Body, transfer: ArrayBuffer[] = []): Promise<number[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('commit worker not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  private start(): Worker {
    const worker = startCommitWorker(this.options);
    worker.unref();
    worker.on('message', (message: WriterMessage) => {
      if ('ready' in message) this.ready = this.worker === worker;
      else this.settle(message);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = false;
        if (!this.failed) this.onFailure(error);
        this.failed = true;
      }
      for (const [id, waiter] of this.waiting) {
        this.waiting.delete(id);
        waiter.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`commit worker exited with code ${code}`)));
    return worker;
  }

  private settle(reply: WriterReply) {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    this.lastCommitAt = performance.now();
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.ok) waiter.resolve(reply.seqs);
    else waiter.reject(new Error(reply.error));
  }
}

/**
 * The built server (dist/server/*.js, one bundle) finds commitWorker.js beside itself
 * (scripts/build.mjs emits it as an entry of its own); from the TypeScript sources (tsx, vitest)
 * the same bundle is made on the spot (workerFromSource.ts).
 */
function startCommitWorker(options: WriterOptions): Worker {
  const here = import.meta.url;
  const file = here.endsWith('.ts') ? commitWorkerFromSource() : new URL('./commitWorker.js', here);
  // Not the parent's flags: `--import tsx` would load tsx into the thread, and a worker refuses
  // process-wide ones such as the bench's --expose-gc.
  return new Worker(file, { workerData: options, execArgv: [] });
}
