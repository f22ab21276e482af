import type { AcceptedUpdate, DocumentBatch, PeerInfo, SyncHooks } from './types.js';

/**
 * One commit for the accepted updates of all documents that arrived in the same turn of the event
 * loop. A commit with synchronous=FULL costs an fsync, the same for one update as for a thousand;
 * committing per update (or per document) made that fsync, not Yjs, the limit of the server.
 * Shared by every room of a registry; each caller learns whether its own updates were committed.
 *
 * Pipelined: the store commits off the event loop (the SQLite store in a worker thread), and one
 * batch is in flight at a time. While batch N is being written, the loop goes on checking what
 * arrives; all of it becomes batch N+1, sent the moment N is committed. Under load the batches
 * grow instead of the fsyncs queueing up.
 */
export class GroupCommit<P extends PeerInfo> {
  private pending: { batch: DocumentBatch<P>; settle: (error: unknown) => void }[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private readonly hooks: SyncHooks<P>) {}

  store(documentName: string, updates: AcceptedUpdate<P>[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ batch: { documentName, updates }, settle: (error) => (error === null ? resolve() : reject(toError(error))) });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every update that arrived with this one joins it.
    setImmediate(() => void this.commit());
  }

  private async commit() {
    this.scheduled = false;
    this.writing = true;
    const items = this.pending.splice(0);
    let failure: unknown = null;
    try {
      await this.hooks.storeBatches(items.map((item) => item.batch));
    } catch (error: unknown) {
      failure = error;
    } finally {
      this.writing = false;
    }
    for (const item of items) item.settle(failure);
    if (this.pending.length > 0) this.schedule();
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
