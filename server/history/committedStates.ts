import * as Y from 'yjs';
import type { Store } from '../store/types.js';

/** A document's state as committed, and the last update of the log it contains. */
export interface CommittedState {
  state: Uint8Array;
  uptoSeq: number;
}

/**
 * The committed state of documents history was asked about lately („now“ in a comparison, the
 * state of a new version), read from the store and then only brought forward by the updates
 * appended since, so that comparing with now does not merge the whole log each time. Kept
 * compacted (garbage collected) like the live document. One per app, a few dozen documents.
 */
export class CommittedStates {
  private readonly states = new Map<string, CommittedState>();

  constructor(
    private readonly store: Pick<Store, 'loadDocument' | 'versions'>,
    private readonly capacity = 32,
  ) {}

  async of(agreementId: string): Promise<CommittedState> {
    const known = this.states.get(agreementId);
    const next = known ? await this.forward(agreementId, known) : await this.load(agreementId);
    this.states.delete(agreementId);
    this.states.set(agreementId, next);
    if (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
    return next;
  }

  private async load(agreementId: string): Promise<CommittedState> {
    const stored = await this.store.loadDocument(agreementId);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    return { state: compacted(parts), uptoSeq: stored.lastSeq };
  }

  private async forward(agreementId: string, known: CommittedState): Promise<CommittedState> {
    const rows = await this.store.versions.updatesAfter(agreementId, known.uptoSeq);
    const last = rows.at(-1);
    if (!last) return known;
    return { state: compacted([known.state, ...rows.map((row) => row.data)]), uptoSeq: last.seq };
  }
}

/** One state of some updates, with deleted content collected: one merge, one transaction. */
function compacted(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates([...parts]));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
