import * as Y from 'yjs';

/**
 * Local changes the server has not acknowledged yet, kept in the browser so that closing the tab
 * while offline loses nothing. One record per user, agreement and tab: the key starts with the
 * username, so another person signing in on the same browser never sends (or sees) them, and a
 * tab clears only its own record, never the changes of another tab that is still offline.
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
  /** Every record whose key starts with `prefix`. */
  list(prefix: string): Promise<[string, PendingRecord][]>;
  put(key: string, record: PendingRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The start of the keys of one user's records for one agreement (one record per tab). */
export const pendingPrefix = (username: string, agreementId: string): string => `${username}\u0000${agreementId}\u0000`;

/** The record after one more local change. */
export function withChange(record: PendingRecord | undefined, update: Uint8Array, now: number): PendingRecord {
  if (!record) return { update, count: 1, savedAt: now };
  return { update: Y.mergeUpdates([record.update, update]), count: record.count + 1, savedAt: now };
}

/** Several records as one (Yjs updates merge idempotently, so a change held twice counts once in the document). */
export function mergeRecords(records: readonly PendingRecord[]): PendingRecord | undefined {
  if (records.length === 0) return undefined;
  return {
    update: Y.mergeUpdates(records.map((record) => record.update)),
    count: records.reduce((sum, record) => sum + record.count, 0),
    savedAt: Math.max(...records.map((record) => record.savedAt)),
  };
}

/**
 * The record of one user's agreement. Operations run strictly in the order they were asked for
 * (one promise chain), so a `clear()` asked for after an acknowledgement never overtakes an
 * `add()` of an earlier change, and a later change is never wiped by an earlier `clear()`.
 */
export class PendingStore {
  private queue: Promise<unknown> = Promise.resolve();
  readonly key: string;

  constructor(
    private readonly backend: PendingBackend,
    private readonly prefix: string,
    tabId: string,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.key = prefix + tabId;
  }

  private run<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    const next = this.queue.then(operation).catch((error: unknown) => {
      // The edit stays in the open tab either way; only the copy in the browser failed.
      this.onError(error);
      return fallback;
    });
    this.queue = next;
    return next;
  }

  /** This tab's record (after every operation asked for before). */
  load(): Promise<PendingRecord | undefined> {
    return this.run(() => this.backend.get(this.key), undefined);
  }

  /**
   * Takes over the records of earlier (closed) tabs of this user and agreement: they become part
   * of this tab's record, which this tab clears once the server has acknowledged them.
   */
  adopt(): Promise<PendingRecord | undefined> {
    return this.run(async () => {
      const entries = await this.backend.list(this.prefix);
      const merged = mergeRecords(entries.map(([, record]) => record));
      if (!merged) return undefined;
      await this.backend.put(this.key, merged);
      for (const [key] of entries) if (key !== this.key) await this.backend.delete(key);
      return merged;
    }, undefined);
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
    list: (prefix) => Promise.resolve([...records].filter(([key]) => key.startsWith(prefix))),
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
