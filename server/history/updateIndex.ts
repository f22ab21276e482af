import * as Y from 'yjs';
import { NODE } from '../../shared/editor/nodes.js';
import type { LoggedUpdate, VersionStore } from '../store/versionTypes.js';

/** A clock range of one Yjs client, [clock, end), first written (or deleted) by update `seq`. */
interface Range {
  clock: number;
  end: number;
  seq: number;
}

/** Who wrote an update of the log, and when the server accepted it. */
export interface UpdateMeta {
  author: string;
  at: number;
}

/**
 * Adds the parts of [clock, end) that `ranges` (sorted, non-overlapping) does not cover yet, as
 * first written by `seq`. A reconnecting client sends structs and its whole delete set again; the
 * first update that carried a clock is the one that made the change.
 */
function addUncovered(ranges: Range[], clock: number, end: number, seq: number): void {
  let at = firstEndingAfter(ranges, clock);
  let start = clock;
  while (start < end) {
    const next = ranges[at];
    if (!next || next.clock >= end) {
      ranges.splice(at, 0, { clock: start, end, seq });
      return;
    }
    if (next.clock > start) {
      ranges.splice(at, 0, { clock: start, end: next.clock, seq });
      at++;
    }
    start = Math.max(start, next.end);
    at++;
  }
}

/** The index of the first range whose end lies after `clock` (binary search). */
function firstEndingAfter(ranges: readonly Range[], clock: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function seqsOverlapping(ranges: readonly Range[] | undefined, clock: number, end: number): number[] {
  if (!ranges) return [];
  const seqs: number[] = [];
  for (let at = firstEndingAfter(ranges, clock); at < ranges.length && ranges[at]!.clock < end; at++) seqs.push(ranges[at]!.seq);
  return seqs;
}

/**
 * Which update of a document's log first inserted, and first deleted, each Yjs item: the base
 * of attribution (who wrote what, when). Built from the log once and then extended with the
 * updates appended since, so a request reads only what is new. It lives beside the live document:
 * the document itself keeps garbage collection on and knows nothing of authors.
 */
export class DocumentUpdateIndex {
  private uptoSeq = 0;
  private readonly inserts = new Map<number, Range[]>();
  private readonly deletes = new Map<number, Range[]>();
  private readonly meta = new Map<number, UpdateMeta>();
  /** The update that first set each entry id (the attribute `id` of a new §5 entry): who created the entry. */
  private readonly entryIds = new Map<string, number>();
  /**
   * The updates that edited the title of each entry (by id, whichever element held it then). The
   * log is replayed into a document of the index's own to know this: a title typed into an entry
   * that was moved later lives on only as text the mover copied, and the document of either side
   * of a comparison no longer tells who typed it.
   */
  private readonly titleEdits = new Map<string, number[]>();
  private readonly replay = new Y.Doc();
  private replaying = 0;

  constructor() {
    this.replay.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const entry = type instanceof Y.XmlText ? type.parent : null;
        if (!(entry instanceof Y.XmlElement) || entry.nodeName !== NODE.projectEntry) continue;
        const id: unknown = entry.getAttribute('id');
        if (typeof id !== 'string') continue;
        const seqs = this.titleEdits.get(id) ?? [];
        if (seqs.at(-1) !== this.replaying) seqs.push(this.replaying);
        this.titleEdits.set(id, seqs);
      }
    });
  }

  get indexedUpTo(): number {
    return this.uptoSeq;
  }

  add(updates: readonly LoggedUpdate[]): void {
    for (const u of updates) {
      if (u.seq <= this.uptoSeq) continue;
      this.meta.set(u.seq, { author: u.author, at: u.at });
      this.replaying = u.seq;
      Y.applyUpdate(this.replay, u.data);
      const { structs, ds } = Y.decodeUpdate(u.data);
      for (const struct of structs) {
        if (struct instanceof Y.Skip) continue;
        addUncovered(rangesOf(this.inserts, struct.id.client), struct.id.clock, struct.id.clock + struct.length, u.seq);
        if (struct instanceof Y.Item && struct.parentSub === 'id' && struct.content instanceof Y.ContentAny) {
          const value: unknown = struct.content.arr[0];
          if (typeof value === 'string' && !this.entryIds.has(value)) this.entryIds.set(value, u.seq);
        }
      }
      for (const [client, deleted] of ds.clients) {
        const ranges = rangesOf(this.deletes, client);
        for (const item of deleted) addUncovered(ranges, item.clock, item.clock + item.len, u.seq);
      }
      this.uptoSeq = u.seq;
    }
  }

  /** The updates that inserted any of the clocks [clock, clock + length) of a client. */
  insertedBy(client: number, clock: number, length = 1): number[] {
    return seqsOverlapping(this.inserts.get(client), clock, clock + length);
  }

  deletedBy(client: number, clock: number, length = 1): number[] {
    return seqsOverlapping(this.deletes.get(client), clock, clock + length);
  }

  /** The updates that edited the title of an entry (typing into its text, not re-creating it). */
  titleEditedBy(entryId: string): readonly number[] {
    return this.titleEdits.get(entryId) ?? [];
  }

  entryCreatedBy(entryId: string): number | undefined {
    return this.entryIds.get(entryId);
  }

  update(seq: number): UpdateMeta | undefined {
    return this.meta.get(seq);
  }
}

function rangesOf(map: Map<number, Range[]>, client: number): Range[] {
  let ranges = map.get(client);
  if (!ranges) map.set(client, (ranges = []));
  return ranges;
}

/**
 * The indexes of the documents asked about lately, one per app (no module state): eight
 * agreements' indexes stay in memory, the least recently used is dropped. The index of a document
 * with 100,000 keystroke updates takes about 26 MiB and 2 s of CPU to build, once per agreement
 * while it stays in memory (then only the new rows are read).
 */
export class UpdateIndexes {
  private readonly indexes = new Map<string, DocumentUpdateIndex>();

  constructor(
    private readonly store: Pick<VersionStore, 'updatesAfter'>,
    private readonly capacity = 8,
  ) {}

  /** The agreement's index, brought up to the log's last committed update. */
  async of(agreementId: string): Promise<DocumentUpdateIndex> {
    const index = this.indexes.get(agreementId) ?? new DocumentUpdateIndex();
    this.indexes.delete(agreementId);
    this.indexes.set(agreementId, index);
    if (this.indexes.size > this.capacity) {
      const oldest = this.indexes.keys().next().value;
      if (oldest !== undefined) this.indexes.delete(oldest);
    }
    index.add(await this.store.updatesAfter(agreementId, index.indexedUpTo));
    return index;
  }
}
