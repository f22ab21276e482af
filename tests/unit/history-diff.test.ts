import { describe, expect, it } from 'vitest';
import type { ProjectListModel } from '../../shared/editor/body.js';
import { diffFields, diffProjectLists } from '../../shared/history/diff.js';
import { wordDiff } from '../../shared/history/wordDiff.js';

const join = (ops: { op: string; text: string }[], keep: 'insert' | 'delete') => ops.filter((o) => o.op === 'same' || o.op === keep).map((o) => o.text).join('');

describe('word diff of a title', () => {
  it('marks the words inserted and deleted, keeping the rest, and gives both titles back', () => {
    const ops = wordDiff('Geflüchtete I im Werra-Meißner-Kreis', 'Geflüchtete II im Kreis');
    expect(ops).toEqual([
      { op: 'same', text: 'Geflüchtete ' },
      { op: 'delete', text: 'I' },
      { op: 'insert', text: 'II' },
      { op: 'same', text: ' im ' },
      { op: 'delete', text: 'Werra-Meißner-Kreis' },
      { op: 'insert', text: 'Kreis' },
    ]);
    expect(join(ops, 'delete')).toBe('Geflüchtete I im Werra-Meißner-Kreis');
    expect(join(ops, 'insert')).toBe('Geflüchtete II im Kreis');
  });

  it('gives both titles back for random edits of random titles (seeded)', () => {
    const seed = 12;
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ['Projekt', 'Qualifizierung', 'für', 'junge', 'Erwachsene', 'II', ' ', '  ', '–', 'Werra'];
    const title = () => Array.from({ length: Math.floor(random() * 8) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '');
    for (let i = 0; i < 500; i++) {
      const [from, to] = [title(), title()];
      const ops = wordDiff(from, to);
      expect([join(ops, 'delete'), join(ops, 'insert')], `seed ${seed}, pair ${i}`).toEqual([from, to]);
      expect(ops.every((op, k) => op.text !== '' && op.op !== ops[k - 1]?.op)).toBe(true);
    }
  });

  it('handles empty titles and identical ones', () => {
    expect(wordDiff('', 'Neu')).toEqual([{ op: 'insert', text: 'Neu' }]);
    expect(wordDiff('Alt', '')).toEqual([{ op: 'delete', text: 'Alt' }]);
    expect(wordDiff('Gleich bleibt', 'Gleich bleibt')).toEqual([{ op: 'same', text: 'Gleich bleibt' }]);
  });
});

describe('diff of two §5 lists', () => {
  const from: ProjectListModel = [
    { measureType: 3, entries: [{ id: 'p-aaaaaa', title: 'DREIplus' }, { id: 'p-bbbbbb', title: "Let's work" }, { id: 'p-cccccc', title: 'Geflüchtete II' }] },
    { measureType: 4, entries: [{ id: 'p-dddddd', title: 'Strategieentwicklung' }] },
  ];

  it('follows entry ids: added, removed, renamed with its words, moved, and groups added and removed', () => {
    const to: ProjectListModel = [
      { measureType: 1, entries: [{ id: 'p-bbbbbb', title: "Let's work" }] },
      { measureType: 3, entries: [{ id: 'p-aaaaaa', title: 'DREIplus 2025' }, { id: 'p-eeeeee', title: 'Sprungbrett' }] },
    ];
    expect(diffProjectLists(from, to)).toEqual({
      groups: [
        { measureType: 1, kind: 'added' },
        { measureType: 4, kind: 'removed' },
      ],
      entries: [
        { entryId: 'p-bbbbbb', kind: 'moved', title: "Let's work", fromGroup: 3, toGroup: 1 },
        { entryId: 'p-aaaaaa', kind: 'renamed', title: 'DREIplus 2025', oldTitle: 'DREIplus', words: [{ op: 'same', text: 'DREIplus' }, { op: 'insert', text: ' 2025' }], fromGroup: 3, toGroup: 3 },
        { entryId: 'p-eeeeee', kind: 'added', title: 'Sprungbrett', toGroup: 3 },
        { entryId: 'p-cccccc', kind: 'removed', title: 'Geflüchtete II', fromGroup: 3 },
        { entryId: 'p-dddddd', kind: 'removed', title: 'Strategieentwicklung', fromGroup: 4 },
      ],
    });
  });

  it('never matches by title: a removed entry and a new one of the same title stay a removal and an addition', () => {
    const to: ProjectListModel = [{ measureType: 3, entries: [{ id: 'p-aaaaaa', title: 'DREIplus' }, { id: 'p-ffffff', title: "Let's work" }, { id: 'p-cccccc', title: 'Geflüchtete II' }] }, from[1]!];
    expect(diffProjectLists(from, to).entries.map((e) => [e.kind, e.entryId])).toEqual([
      ['added', 'p-ffffff'],
      ['removed', 'p-bbbbbb'],
    ]);
  });

  it('reports a moved and renamed entry as both, and nothing for equal lists', () => {
    const to: ProjectListModel = [{ measureType: 3, entries: [{ id: 'p-aaaaaa', title: 'DREIplus' }, { id: 'p-cccccc', title: 'Geflüchtete II' }] }, { measureType: 4, entries: [{ id: 'p-dddddd', title: 'Strategieentwicklung' }, { id: 'p-bbbbbb', title: 'Let us work' }] }];
    expect(diffProjectLists(from, to).entries.map((e) => e.kind)).toEqual(['moved', 'renamed']);
    expect(diffProjectLists(from, from)).toEqual({ groups: [], entries: [] });
  });

  it('compares fields by value', () => {
    expect(diffFields({ amountCents: 100, year: 2025 }, { amountCents: 250, year: 2025 })).toEqual([{ field: 'amountCents', from: 100, to: 250 }]);
  });
});
