import { Worker } from 'node:worker_threads';
import type { PendingUpdate } from '../types.js';
import type { WriterOptions, WriterReply, WriterRequest } from './protocol.js';

type Body = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'id'> : never) : never;

/**
 * The main thread's side of the commit worker (commitWorker.ts): hands it update batches and
 * snapshots, and resolves each once the worker has committed it. Requests are answered in the
 * order they were sent. The thread starts with the first request (a store that only reads never
 * starts one) and is started again after it died; it holds the process open only while a request
 * is outstanding.
 */
export class CommitWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (seqs: number[]) => void; reject: (error: Error) => void }>();

  constructor(private readonly options: WriterOptions) {}

  /** Appends the updates in one transaction; resolves with their sequence numbers once committed. */
  append(updates: PendingUpdate[]): Promise<number[]> {
    return this.request({ kind: 'append', updates });
  }

  /** Stores a document's compacted state as of its last committed update. */
  async snapshot(agreementId: string, state: Uint8Array, at: number): Promise<void> {
    await this.request({ kind: 'snapshot', agreementId, state, at });
  }

  /**
   * Starts the thread ahead of the first commit (the store calls it when a document is opened for
   * editing), so that the first keystroke does not wait for a thread to start.
   */
  warm(): void {
    this.worker ??= this.start();
  }

  /** Lets the worker finish what it was sent, close its connection and end. */
  close(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.postMessage({ id: 0, kind: 'close' } satisfies WriterRequest);
    worker.unref();
  }

  private request(body: Body): Promise<number[]> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ ...body, id });
    });
  }

  private start(): Worker {
    const worker = startCommitWorker(this.options);
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
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
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.ok) waiter.resolve(reply.seqs);
    else waiter.reject(new Error(reply.error));
  }
}

/**
 * The built server (dist/server/*.js, one bundle) finds commitWorker.js beside itself
 * (scripts/build.mjs emits it as an entry of its own); the TypeScript sources (tsx, vitest) start
 * commitWorker.ts through tsxWorker.mjs, which registers tsx in the thread first.
 */
function startCommitWorker(options: WriterOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./commitWorker.js', here), { workerData: options });
  return new Worker(new URL('./tsxWorker.mjs', here), {
    workerData: { ...options, entry: new URL('./commitWorker.ts', here).href },
    // Not the parent's flags: `--import tsx` would register tsx twice, and a worker refuses
    // process-wide ones such as the bench's --expose-gc.
    execArgv: [],
  });
}
