import type { ProjectListModel } from '../editor/body.js';
import type { AgreementFields } from '../fields.js';
import type { MeasureType } from '../measureTypes.js';
import type { DiffedField, EntryChange, GroupChange } from './types.js';
import { wordDiff } from './wordDiff.js';

/** A change before it is attributed (the server adds who and when from the update log). */
export type PlainEntryChange = Omit<EntryChange, 'by' | 'at'>;
export type PlainGroupChange = Omit<GroupChange, 'by' | 'at'>;
export interface PlainFieldChange {
  field: DiffedField;
  from: unknown;
  to: unknown;
}

export interface ProjectListDiff {
  groups: PlainGroupChange[];
  entries: PlainEntryChange[];
}

interface Placed {
  title: string;
  group: MeasureType;
}

function byId(list: ProjectListModel): Map<string, Placed> {
  const entries = new Map<string, Placed>();
  for (const group of list) for (const entry of group.entries) if (!entries.has(entry.id)) entries.set(entry.id, { title: entry.title, group: group.measureType });
  return entries;
}

/**
 * What changed in §5 from one state to another, following entry ids (DESIGN.md, lineage): an id
 * only in `to` was added, only in `from` removed; the same id under another Maßnahmenart was
 * moved, with another title renamed (both, when both). Titles never identify an entry: a removed
 * entry and a new one with the same title stay a removal and an addition. Order: as `to` lists
 * them, then the removed ones as `from` lists them.
 */
export function diffProjectLists(from: ProjectListModel, to: ProjectListModel): ProjectListDiff {
  const before = byId(from);
  const after = byId(to);
  const fromTypes = new Set(from.map((group) => group.measureType));
  const toTypes = new Set(to.map((group) => group.measureType));
  const groups: PlainGroupChange[] = [
    ...to.filter((group) => !fromTypes.has(group.measureType)).map((group) => ({ measureType: group.measureType, kind: 'added' as const })),
    ...from.filter((group) => !toTypes.has(group.measureType)).map((group) => ({ measureType: group.measureType, kind: 'removed' as const })),
  ];
  const entries: PlainEntryChange[] = [];
  for (const [entryId, now] of after) {
    const was = before.get(entryId);
    if (!was) {
      entries.push({ entryId, kind: 'added', title: now.title, toGroup: now.group });
      continue;
    }
    if (was.group !== now.group) entries.push({ entryId, kind: 'moved', title: now.title, fromGroup: was.group, toGroup: now.group });
    if (was.title !== now.title) {
      entries.push({ entryId, kind: 'renamed', title: now.title, oldTitle: was.title, words: wordDiff(was.title, now.title), fromGroup: was.group, toGroup: now.group });
    }
  }
  for (const [entryId, was] of before) {
    if (!after.has(entryId)) entries.push({ entryId, kind: 'removed', title: was.title, fromGroup: was.group });
  }
  return { groups, entries };
}

/** The fields (§4 amount and the other parameters) whose values differ, compared as JSON. */
export function diffFields(from: Partial<AgreementFields>, to: Partial<AgreementFields>): PlainFieldChange[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)] as DiffedField[]);
  return [...keys]
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}
