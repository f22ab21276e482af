import * as Y from 'yjs';
import { CLOSE, ROOT } from '../../../shared/protocol.js';
import type { PendingStore } from './pendingStore.js';

/**
 * The texts of unsaved entries, loaded only when changes are lost: unsavedEntries.ts reads the
 * body with the editor's schema names, which would tie this module (and the websocket, opened
 * before the editor's code has run) to ProseMirror's chunk.
 */
async function entryTextsOf(doc: Y.Doc, update: Uint8Array): Promise<string[]> {
  const { unsavedEntryTexts } = await import('./unsavedEntries.js');
  return unsavedEntryTexts(doc, update);
}

/** Changes from an earlier visit that the server can no longer take: what the user must see. */
export interface LostChanges {
  /** Released: the agreement is frozen. Refused: the server refused them (close code 4403/4409). */
  reason: 'released' | 'refused';
  count: number;
  /** The entry texts those changes would have written, for the user to copy. */
  texts: string[];
  savedAt: number;
}

/** The origin of the transaction that brings back changes kept from an earlier visit. */
export const RESTORED = Symbol('restored from this browser');

/**
 * Keeps every local change in the browser until the server has acknowledged all of them, and
 * brings back what an earlier visit left unacknowledged. Knows nothing of sockets: the connection
 * tells it about local changes, the first sync and "everything acknowledged".
 */
export class OfflineChanges {
  /** Local changes (this visit and restored ones) not yet acknowledged. */
  count = 0;
  /** How many of them are written to the browser's storage: what "nur in diesem Browser" may claim. */
  kept = 0;
  /** Counts the clears, so that a write that finishes after one does not count again. */
  private generation = 0;
  lost: LostChanges | null = null;
  /** Until the earlier visit's changes are back in the document, nothing may be cleared. */
  private restored = false;
  /** The server's state before restored changes were applied, to name them if they are refused. */
  private baseline: Uint8Array | null = null;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly store: PendingStore,
    private readonly changed: () => void,
  ) {}

  /** A change made in this tab (not one that came from the server). */
  localChange(update: Uint8Array, origin: unknown): void {
    if (origin === RESTORED) return;
    this.count += 1;
    const generation = this.generation;
    void this.store.add(update).then((stored) => {
      if (!stored || generation !== this.generation) return;
      this.kept += 1;
      this.changed();
    });
  }

  /**
   * After the first sync: the document now holds the server's state. A draft gets the kept
   * changes applied (y-websocket then sends them like any edit, and the server checks them like
   * any edit); an agreement that was released meanwhile cannot take them, so they are shown.
   */
  async firstSynced(): Promise<void> {
    const record = await this.store.adopt();
    if (record) {
      const status = this.ydoc.getMap<unknown>(ROOT.agreement).get('status');
      if (status !== undefined && status !== 'draft') {
        this.lost = { reason: 'released', count: record.count, texts: await entryTextsOf(this.ydoc, record.update), savedAt: record.savedAt };
      } else {
        this.baseline = Y.encodeStateAsUpdate(this.ydoc);
        this.count += record.count;
        this.kept += record.count;
        Y.applyUpdate(this.ydoc, record.update, RESTORED);
      }
    }
    this.restored = true;
    this.changed();
  }

  /**
   * The server closed the connection for good. If it refused restored changes (4403, or 4409
   * because the agreement was released just now), they would be refused on every visit: show them
   * like released ones, so the user can copy and discard them. Other refusals (an expired
   * session) keep them for the next visit.
   */
  async refused(code: number): Promise<void> {
    if ((code !== CLOSE.forbiddenUpdate && code !== CLOSE.notEditable) || this.baseline === null || this.count === 0) return;
    const record = await this.store.load();
    if (!record) return;
    const before = new Y.Doc();
    Y.applyUpdate(before, this.baseline);
    this.lost = { reason: 'refused', count: record.count, texts: await entryTextsOf(before, record.update), savedAt: record.savedAt };
    before.destroy();
    this.changed();
  }

  /** The server acknowledged every local change: the copy in the browser is no longer needed. */
  allSaved(): void {
    if (!this.restored || this.lost || this.count === 0) return;
    this.count = 0;
    this.kept = 0;
    this.generation += 1;
    void this.store.clear();
    this.changed();
  }

  /** The user has taken note of the changes that could not be saved (and copied what they need). */
  discardLost(): void {
    if (!this.lost) return;
    this.lost = null;
    void this.store.clear();
    this.changed();
  }
}
