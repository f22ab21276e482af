import type * as Y from 'yjs';
import type { PlainFieldChange, ProjectListDiff } from '../../shared/history/diff.js';
import type { EntryChange, FieldChange, GroupChange } from '../../shared/history/types.js';
import { ROOT } from '../../shared/protocol.js';
import { authorsOf, deletedIn, insertedIn, type LogSpan, type NameOf } from './attribution.js';
import { contentItems, entryElements, groupElements, mapValueItem, ownItem, type ItemRange } from './docItems.js';
import type { DocumentUpdateIndex } from './updateIndex.js';

export interface DiffSides {
  /** The `from` side's document and the `to` side's. */
  a: Y.Doc;
  b: Y.Doc;
  index: DocumentUpdateIndex;
  /** The updates of the log between the two sides. */
  span: LogSpan;
  nameOf: NameOf;
}

/**
 * Adds who and when to each change of a comparison: the updates between the two sides that
 * inserted the `to` side's items of the change or deleted the `from` side's. Because the items
 * are found by entry id in each side's own document, a rename, a move (a new element under
 * another Maßnahmenart), a deletion and concurrent edits of one title by two people each name
 * exactly the people whose updates did it.
 */
export async function attributeDiff(
  sides: DiffSides,
  plain: ProjectListDiff,
  fields: PlainFieldChange[],
): Promise<{ groups: GroupChange[]; entries: EntryChange[]; fields: FieldChange[] }> {
  const { a, b, index, span, nameOf } = sides;
  const entriesA = entryElements(a);
  const entriesB = entryElements(b);
  const groupsA = groupElements(a);
  const groupsB = groupElements(b);
  const made = async (inserted: readonly (ItemRange | null)[], deleted: readonly (ItemRange | null)[]) =>
    authorsOf(index, [...insertedIn(index, span, inserted), ...deletedIn(index, span, deleted)], nameOf);

  const groups: GroupChange[] = [];
  for (const change of plain.groups) {
    const element = change.kind === 'added' ? groupsB.get(change.measureType) : groupsA.get(change.measureType);
    const item = element ? ownItem(element) : null;
    groups.push({ ...change, ...(await (change.kind === 'added' ? made([item], []) : made([], [item]))) });
  }

  const entries: EntryChange[] = [];
  for (const change of plain.entries) {
    const before = entriesA.get(change.entryId)?.element;
    const after = entriesB.get(change.entryId)?.element;
    let attribution;
    switch (change.kind) {
      case 'added':
        attribution = await made(after ? [ownItem(after), ...contentItems(after)] : [], []);
        break;
      case 'removed':
        attribution = await made([], before ? [ownItem(before)] : []);
        break;
      case 'moved':
        attribution = await made(after ? [ownItem(after)] : [], before ? [ownItem(before)] : []);
        break;
      case 'renamed': {
        // Who typed in the title in between; only when nobody did (the title changed as an entry
        // was re-created), who wrote the text of the `to` side and took away that of the `from` side.
        const typed = index.titleEditedBy(change.entryId).filter((seq) => seq > span.after && seq <= span.upTo);
        attribution =
          typed.length > 0
            ? await authorsOf(index, typed, nameOf)
            : await made(after ? contentItems(after).filter((item) => !item.deleted) : [], before ? contentItems(before).filter((item) => !item.deleted) : []);
        break;
      }
    }
    entries.push({ ...change, ...attribution });
  }

  const fieldsB = b.getMap<unknown>(ROOT.fields);
  const fieldsA = a.getMap<unknown>(ROOT.fields);
  const attributedFields: FieldChange[] = [];
  for (const change of fields) {
    attributedFields.push({ ...change, ...(await made([mapValueItem(fieldsB, change.field)], [mapValueItem(fieldsA, change.field)])) });
  }
  return { groups, entries, fields: attributedFields };
}
