import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.js';
import { BODY_FIELD } from '../../shared/editor/schema.js';
import { entries, entryText, groupOfType, newEntry } from '../integration/body.js';
import type { TestClient } from '../integration/harness.js';

/**
 * A client that writes numbered tokens "(w.n)" into project entries of its own, one keystroke-sized
 * update at a time, and knows which of them the server has acknowledged: every token written
 * before a moment at which the client was connected, synced and had every message acknowledged.
 */
export class TokenWriter {
  written = 0;
  acknowledged = 0;
  private entryCount = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly client: TestClient,
    readonly index: number,
  ) {}

  /** Writes one token every `intervalMs` (under the per-connection message rate) until stopped. */
  start(intervalMs: number) {
    this.timer ??= setInterval(() => {
      this.noteAcknowledged();
      this.write();
    }, intervalMs);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.noteAcknowledged();
  }

  /**
   * True when everything written so far is acknowledged on a connected, synced socket. The socket
   * must be open, not closing: y-websocket does not send (nor count) an edit made while its socket
   * closes; that edit travels in the next connection's sync step 2.
   */
  noteAcknowledged(): boolean {
    const { provider } = this.client;
    const open = provider.ws?.readyState === WebSocket.OPEN;
    const settled = open && provider.wsconnected && provider.synced && this.client.lastAck() === this.client.sentUpdates();
    if (settled) this.acknowledged = this.written;
    return settled;
  }

  write() {
    const { doc } = this.client;
    const group = groupOfType(doc, 3);
    const id = (k: number) => `p-chaos-${this.index}-${k}`;
    let entry = entries(group).find((candidate) => candidate.getAttribute('id') === id(this.entryCount - 1));
    if (!entry || entryText(entry).length > 400) {
      entry = newEntry(id(this.entryCount++), '');
      group.push([entry]);
    }
    const text = entryText(entry);
    text.insert(text.length, `(${this.index}.${this.written++})`);
  }
}

/** How often each token "(w.n)" occurs in the document's §5 entries, by writer. */
export function tokenCounts(doc: Y.Doc): Map<number, Map<number, number>> {
  const counts = new Map<number, Map<number, number>>();
  const text = doc.getXmlFragment(BODY_FIELD).toString();
  for (const match of text.matchAll(/\((\d+)\.(\d+)\)/g)) {
    const writer = Number(match[1]);
    const n = Number(match[2]);
    const byWriter = counts.get(writer) ?? new Map<number, number>();
    byWriter.set(n, (byWriter.get(n) ?? 0) + 1);
    counts.set(writer, byWriter);
  }
  return counts;
}

/** Tokens 0 … acknowledged-1 of each writer that the document lacks. */
export function missingTokens(doc: Y.Doc, writers: readonly TokenWriter[]): string[] {
  const counts = tokenCounts(doc);
  return writers.flatMap((writer) =>
    Array.from({ length: writer.acknowledged }, (_, n) => n)
      .filter((n) => !counts.get(writer.index)?.has(n))
      .map((n) => `(${writer.index}.${n})`),
  );
}

/** Tokens that occur more than once (content duplicated by a resend). */
export function duplicatedTokens(doc: Y.Doc): string[] {
  return [...tokenCounts(doc)].flatMap(([writer, byN]) => [...byN].filter(([, count]) => count > 1).map(([n]) => `(${writer}.${n})`));
}

/** The document as the store holds it, read while no server runs (snapshot + updates after it). */
export async function storedDocument(dataDir: string, agreementId: string): Promise<Y.Doc> {
  const store = new SqliteStore(dataDir);
  try {
    const stored = await store.loadDocument(agreementId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await store.close();
  }
}

export function integrityCheck(dataDir: string): unknown {
  const db = new Database(join(dataDir, 'vereinbar.sqlite'));
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}
