import { describe, expect, it } from 'vitest';
import { compareDecorations } from '../../client/src/history/compareMarks.js';
import type { EntryChange, VersionDiff } from '../../client/src/history/types.js';
import { spacedWords } from '../../client/src/history/wordDiff.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { agreementBodyJSON } from '../../shared/editor/body.js';
import { agreementSchema } from '../../shared/editor/schema.js';

const doc = agreementSchema().nodeFromJSON(agreementBodyJSON(WERRA_MEISSNER_2024.projects));
const now = { kind: 'now' as const, at: 0 };
const district = [{ username: 'wmk-referat', name: 'Fachdienst Arbeit' }];
const none: VersionDiff = { from: now, to: now, groups: [], entries: [], fields: [] };
const change = (entryId: string, kind: EntryChange['kind'], more: Partial<EntryChange> = {}): EntryChange => ({ entryId, kind, title: entryId, by: district, at: 0, ...more });

/** What the comparison puts where: node marks as [entry id, kinds], widgets as [what, the node they follow]. */
function marks(diff: VersionDiff) {
  const found = compareDecorations(doc, diff, 'k').find();
  const nodes = found.filter((d) => d.from !== d.to).map((d) => [String(doc.nodeAt(d.from)?.attrs.id ?? doc.nodeAt(d.from)?.attrs.measureType), (d.spec as { kinds?: string[] }).kinds ?? []]);
  const widgets = found
    .filter((d) => d.from === d.to)
    .map((d) => {
      const before = doc.resolve(d.from).nodeBefore;
      const where = before?.attrs.id ?? before?.attrs.blockId ?? doc.resolve(d.from).parent.type.name;
      return [String((d.spec as { key: string }).key), String(where)] as const;
    })
    .sort(([a], [b]) => a.localeCompare(b));
  return { nodes, widgets };
}

describe('a comparison of two versions, marked in the document', () => {
  it('marks added, renamed and moved entries by id, and a renamed-and-moved entry once with both kinds', () => {
    const { nodes } = marks({
      ...none,
      entries: [change('p-wmk24-gefl2', 'added', { toGroup: 3 }), change('p-wmk24-uebergang', 'renamed'), change('p-wmk24-uebergang', 'moved', { fromGroup: 4, toGroup: 3 }), change('p-not-here', 'added', { toGroup: 3 })],
    });
    expect(nodes).toEqual([
      ['p-wmk24-gefl2', ['added']],
      ['p-wmk24-uebergang', ['renamed', 'moved']],
    ]);
  });

  it('shows a removed entry at the end of its Maßnahmenart, and a removed Maßnahmenart after the list', () => {
    const { widgets } = marks({
      ...none,
      groups: [{ measureType: 1, kind: 'removed', by: district, at: 0 }],
      entries: [change('p-gone', 'removed', { fromGroup: 4 }), change('p-gone-too', 'removed', { fromGroup: 1 })],
    });
    // The entry of the removed Maßnahmenart 1 stands in that Maßnahmenart's ghost, after the list.
    expect(widgets).toEqual([
      ['k-ghost-groups', 'projectList'],
      ['k-ghost-p-gone', 'p-wmk24-strategie'],
    ]);
  });

  it('puts the changed fields after § 4 and marks nothing when nothing changed', () => {
    expect(marks({ ...none, fields: [{ field: 'amountCents', from: 1, to: 2, by: [], at: null }] }).widgets).toEqual([['k-fields', 'p4']]);
    expect(marks(none)).toEqual({ nodes: [], widgets: [] });
  });
});

describe('a word diff as it is shown', () => {
  it('keeps whitespace out of insertions and deletions and a deletion apart from the insertion after it', () => {
    expect(spacedWords([{ op: 'same', text: 'Übergangsmanagement' }, { op: 'insert', text: ' Schule' }])).toEqual([
      { op: 'same', text: 'Übergangsmanagement' },
      { op: 'same', text: ' ' },
      { op: 'insert', text: 'Schule' },
    ]);
    expect(spacedWords([{ op: 'delete', text: 'Lets' }, { op: 'insert', text: "Let's" }, { op: 'same', text: ' work' }]).map((w) => `${w.op}:${w.text}`)).toEqual(['delete:Lets', 'same: ', "insert:Let's", 'same: work']);
  });
});
