import { describe, expect, it } from 'vitest';
import { changeDecorations } from '../../client/src/rounds/changes/changeMarks.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { agreementBodyJSON } from '../../shared/editor/body.js';
import { agreementSchema } from '../../shared/editor/schema.js';
import type { ChangesSincePrevious } from '../../shared/rounds/types.js';

const doc = agreementSchema().nodeFromJSON(agreementBodyJSON(WERRA_MEISSNER_2024.projects));

const none: ChangesSincePrevious = { previous: { id: 'aqb-2023-werra-meissner-kreis', year: 2023 }, added: [], removed: [], renamed: [], moved: [], amount: { from: 1, to: 1 } };

/** The marked entries as [id, kinds, label], in document order. */
function marks(changes: ChangesSincePrevious): [string, string, string][] {
  return changeDecorations(doc, changes)
    .find()
    .map((decoration) => {
      const node = doc.nodeAt(decoration.from);
      const spec = decoration.spec as { kinds: string[]; label: string };
      return [String(node?.attrs.id), spec.kinds.map((kind) => `entry-${kind}`).join(' '), spec.label];
    });
}

describe('marks of the changes since last year in §5', () => {
  it('marks new, renamed and moved entries by id, each with its label in words', () => {
    expect(
      marks({
        ...none,
        added: [{ id: 'p-wmk24-gefl2', title: 'Geflüchtete II' }],
        renamed: [{ id: 'p-wmk24-letswork', title: "Let's work", from: 'Lets work', previousId: 'p-old' }],
        moved: [{ id: 'p-wmk24-strategie', title: 'Strategieentwicklung', fromMeasureType: 3, toMeasureType: 4, previousId: 'p-old2' }],
      }),
    ).toEqual([
      ['p-wmk24-letswork', 'entry-renamed', 'umbenannt, vorher „Lets work“'],
      ['p-wmk24-gefl2', 'entry-added', 'neu'],
      ['p-wmk24-strategie', 'entry-moved', 'andere Maßnahmenart (vorher 3)'],
    ]);
  });

  it('joins the labels of an entry that was renamed and moved', () => {
    expect(
      marks({
        ...none,
        renamed: [{ id: 'p-wmk24-uebergang', title: 'Übergang', from: 'Übergangsmanagement', previousId: 'p-x' }],
        moved: [{ id: 'p-wmk24-uebergang', title: 'Übergang', fromMeasureType: 3, toMeasureType: 4, previousId: 'p-x' }],
      }),
    ).toEqual([['p-wmk24-uebergang', 'entry-renamed entry-moved', 'umbenannt, vorher „Übergangsmanagement“ · andere Maßnahmenart (vorher 3)']]);
  });

  it('marks nothing for removed entries (they are only listed) or ids not in the document', () => {
    expect(marks({ ...none, removed: [{ id: 'p-gone', title: 'Weg' }], added: [{ id: 'p-unknown', title: '?' }] })).toEqual([]);
  });
});
