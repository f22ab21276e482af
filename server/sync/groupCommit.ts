import type { AcceptedUpdate, DocumentBatch, PeerInfo, SyncHooks } from './types.js';

/**
 * One commit for the accepted updates of all documents that arrived in the same turn of the event
 * loop. A commit with synchronous=FULL costs an fsync, the same for one update as for a thousand;
 * committing per update (or per document) made that fsync, not Yjs, the limit of the server.
 * Shared by every room of a registry; each caller learns whether its own updates were committed.
 */
export class GroupCommit<P extends PeerInfo> {
  private pending: { batch: DocumentBatch<P>; settle: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly hooks: SyncHooks<P>) {}

  store(documentName: string, updates: AcceptedUpdate<P>[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ batch: { documentName, updates }, settle: (error) => (error === null ? resolve() : reject(toError(error))) });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every update that arrived with this one joins it.
        setImmediate(() => void this.commit());
      }
    });
  }

  private async commit() {
    this.scheduled = false;
    const items = this.pending.splice(0);
    try {
      await this.hooks.storeBatches(items.map((item) => item.batch));
      for (const item of items) item.settle(null);
    } catch (error: unknown) {
      for (const item of items) item.settle(error);
    }
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
