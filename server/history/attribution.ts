import type * as Y from 'yjs';
import type { Author, EntryAttribution } from '../../shared/history/types.js';
import { contentItems, entryElements, ownItem, type ItemRange } from './docItems.js';
import type { DocumentUpdateIndex } from './updateIndex.js';

/** Who made a change and when: the updates of the log that made it. */
export interface Attribution {
  seqs: number[];
}

/** Updates in (after, upTo]: the span of the log between two states being compared. */
export interface LogSpan {
  after: number;
  upTo: number;
}

const inSpan = (span: LogSpan) => (seq: number) => seq > span.after && seq <= span.upTo;

/** The updates of the span that inserted any of these items. */
export function insertedIn(index: DocumentUpdateIndex, span: LogSpan, items: readonly (ItemRange | null)[]): number[] {
  return items.flatMap((item) => (item ? index.insertedBy(item.client, item.clock, item.length) : [])).filter(inSpan(span));
}

/** The updates of the span that deleted any of these items. */
export function deletedIn(index: DocumentUpdateIndex, span: LogSpan, items: readonly (ItemRange | null)[]): number[] {
  return items.flatMap((item) => (item ? index.deletedBy(item.client, item.clock, item.length) : [])).filter(inSpan(span));
}

/** Names people: usernames to „Vorname Name“, "system" as „System“; looked up once each. */
export type NameOf = (username: string) => Promise<string>;

/** The distinct authors of some updates (in the order they wrote) and the time of the last one. */
export async function authorsOf(index: DocumentUpdateIndex, seqs: readonly number[], nameOf: NameOf): Promise<{ by: Author[]; at: number | null }> {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const by: Author[] = [];
  let at: number | null = null;
  for (const seq of sorted) {
    const meta = index.update(seq);
    if (!meta) continue;
    at = Math.max(at ?? 0, meta.at);
    if (!by.some((author) => author.username === meta.author)) by.push({ username: meta.author, name: await nameOf(meta.author) });
  }
  return { by, at };
}

/**
 * Who created each §5 entry of a document and who changed it last, from the update log: the
 * creator is the author of the update that first gave the entry its id (so a move, which
 * re-creates the element under another Maßnahmenart, keeps its creator); the last change is the
 * latest update that inserted or deleted anything of the entry (its element, its text).
 */
export async function entryAttribution(doc: Y.Doc, index: DocumentUpdateIndex, nameOf: NameOf): Promise<EntryAttribution[]> {
  const everything: LogSpan = { after: 0, upTo: Number.MAX_SAFE_INTEGER };
  const result: EntryAttribution[] = [];
  for (const [entryId, { element }] of entryElements(doc)) {
    const own = ownItem(element);
    const items = [own, ...contentItems(element)];
    const created = index.entryCreatedBy(entryId) ?? insertedIn(index, everything, [own])[0];
    const touched = [...insertedIn(index, everything, items), ...deletedIn(index, everything, items.filter((item) => item?.deleted))];
    const last = touched.length > 0 ? Math.max(...touched) : undefined;
    const creator = created === undefined ? null : await authorsOf(index, [created], nameOf);
    const changer = last === undefined ? null : await authorsOf(index, [last], nameOf);
    result.push({
      entryId,
      createdBy: creator?.by[0] ?? null,
      createdAt: creator?.at ?? null,
      changedBy: changer?.by[0] ?? null,
      changedAt: changer?.at ?? null,
    });
  }
  return result;
}
