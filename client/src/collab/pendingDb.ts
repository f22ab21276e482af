import type { PendingBackend, PendingRecord } from './pendingStore.js';

const DB_NAME = 'vereinbar';
const STORE = 'pending-changes';

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
  }).catch((error: unknown) => {
    // A later attempt may succeed (e.g. after the browser freed space): do not cache the failure.
    opened = null;
    throw error;
  });
  return opened;
}

const isRecord = (value: unknown): value is PendingRecord =>
  typeof value === 'object' && value !== null && 'update' in value && value.update instanceof Uint8Array && 'count' in value && typeof value.count === 'number';

/** Resolves once the transaction is complete: only then is a written record on disk. */
async function within<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  const transaction = db.transaction(STORE, mode, { durability: 'strict' });
  const result = done(work(transaction.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

/** The browser's IndexedDB: one object store, the record under its key (see pendingKey). */
export const indexedDbBackend: PendingBackend = {
  async get(key) {
    const value: unknown = await within('readonly', (store) => store.get(key));
    return isRecord(value) ? value : undefined;
  },
  async list(prefix) {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const keys = await within('readonly', (store) => store.getAllKeys(range));
    const records = await Promise.all(keys.map((key) => within('readonly', (store) => store.get(key))));
    const entries: [string, PendingRecord][] = [];
    keys.forEach((key, index) => {
      const value: unknown = records[index];
      if (typeof key === 'string' && isRecord(value)) entries.push([key, value]);
    });
    return entries;
  },
  async put(key, record) {
    await within('readwrite', (store) => store.put(record, key));
  },
  async delete(key) {
    await within('readwrite', (store) => store.delete(key));
  },
};
