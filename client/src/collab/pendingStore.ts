import * as Y from 'yjs';

/**
 * Local changes the server has not acknowledged yet, kept in the browser so that closing the tab
 * while offline loses nothing. One record per user and agreement: the key starts with the
 * username, so another person signing in on the same browser never sends (or sees) them.
 *
 * The record holds the changes merged into one Yjs update plus how many there were. On the next
 * visit they are applied to the freshly synced document and travel to the server like any other
 * edit, through all of its checks; once acknowledged, the record is deleted.
 */
export interface PendingRecord {
  update: Uint8Array;
  count: number;
  /** When the last change was kept (ms since the epoch), to tell the user how old it is. */
  savedAt: number;
}

/** Where records live: IndexedDB in the browser (pendingDb.ts), a Map in the tests. */
export interface PendingBackend {
  get(key: string): Promise<PendingRecord | undefined>;
  put(key: string, record: PendingRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

export const pendingKey = (username: string, agreementId: string): string => `${username}\u0000${agreementId}`;

/** The record after one more local change. */
export function withChange(record: PendingRecord | undefined, update: Uint8Array, now: number): PendingRecord {
  if (!record) return { update, count: 1, savedAt: now };
  return { update: Y.mergeUpdates([record.update, update]), count: record.count + 1, savedAt: now };
}

/**
 * The record of one user's agreement. Operations run strictly in the order they were asked for
 * (one promise chain), so a `clear()` asked for after an acknowledgement never overtakes an
 * `add()` of an earlier change, and a later change is never wiped by an earlier `clear()`.
 */
export class PendingStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly backend: PendingBackend,
    readonly key: string,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  private run<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    const next = this.queue.then(operation).catch((error: unknown) => {
      // The edit stays in the open tab either way; only the copy in the browser failed.
      this.onError(error);
      return fallback;
    });
    this.queue = next;
    return next;
  }

  load(): Promise<PendingRecord | undefined> {
    return this.run(() => this.backend.get(this.key), undefined);
  }

  /** Resolves to whether the change is now kept in the browser. */
  add(update: Uint8Array): Promise<boolean> {
    return this.run(async () => {
      await this.backend.put(this.key, withChange(await this.backend.get(this.key), update, this.now()));
      return true;
    }, false);
  }

  clear(): Promise<void> {
    return this.run(() => this.backend.delete(this.key), undefined);
  }
}

/** A backend in memory: for the tests, and the fallback where IndexedDB is unavailable. */
export function memoryBackend(): PendingBackend & { records: Map<string, PendingRecord> } {
  const records = new Map<string, PendingRecord>();
  return {
    records,
    get: (key) => Promise.resolve(records.get(key)),
    put: (key, record) => {
      records.set(key, record);
      return Promise.resolve();
    },
    delete: (key) => {
      records.delete(key);
      return Promise.resolve();
    },
  };
}
