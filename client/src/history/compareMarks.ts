import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/nodes.js';
import { isMeasureType } from '../../../shared/measureTypes.js';
import type { EntryChange, FieldChange, GroupChange, VersionDiff } from './types.js';
import { spacedWords, wordElement } from './wordDiff.js';
import { byAndWhen, fieldLabel, fieldValue, measureTypeName } from './wording.js';

const KIND_LABELS: Readonly<Record<EntryChange['kind'], string>> = {
  added: 'Neu',
  removed: 'Entfernt',
  renamed: 'Umbenannt',
  moved: 'Verschoben',
};

function element(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** „Umbenannt: <del>alt</del> <ins>neu</ins> – von …, 23.07.2024, 14:03 Uhr“: one part of a note. */
function changePart(change: EntryChange): (Node | string)[] {
  const parts: (Node | string)[] = [element('strong', 'history-note-kind', KIND_LABELS[change.kind])];
  if (change.kind === 'renamed') {
    const words = change.words ?? [
      { op: 'delete' as const, text: change.oldTitle ?? '' },
      { op: 'insert' as const, text: change.title },
    ];
    parts.push(': ', element('span', 'history-words', ...spacedWords(words).map((word) => wordElement(word.op, word.text))));
  }
  if (change.kind === 'moved') parts.push(`: aus „${measureTypeName(change.fromGroup)}“ nach „${measureTypeName(change.toGroup)}“`);
  parts.push(` – ${byAndWhen(change.by, change.at)}`);
  return parts;
}

/** The note on an entry, in words: every change of it (renamed and moved are two), one after the other. */
function entryNote(changes: readonly EntryChange[]): HTMLElement {
  const note = element('span', 'history-note', ...changes.flatMap((change, index) => (index === 0 ? changePart(change) : ['; ', ...changePart(change)])));
  note.contentEditable = 'false';
  return note;
}

/** An entry the document does not hold (any more): its title, struck through when it was removed. */
function ghostEntry(change: EntryChange): HTMLElement {
  const title = change.kind === 'removed' ? wordElement('delete', change.title) : element('span', 'history-ghost-title', change.title);
  const item = element('li', `history-ghost-entry history-${change.kind}`, title, ' ', entryNote([change]));
  item.contentEditable = 'false';
  item.dataset.historyEntry = change.entryId;
  return item;
}

function groupNote(change: GroupChange): HTMLElement {
  const label = change.kind === 'added' ? 'Maßnahmenart neu' : 'Maßnahmenart entfernt';
  const note = element('p', `history-group-note history-group-${change.kind}`, element('strong', 'history-note-kind', label), ` – ${byAndWhen(change.by, change.at)}`);
  note.contentEditable = 'false';
  return note;
}

function fieldNotes(fields: readonly FieldChange[]): HTMLElement {
  const box = element('div', 'history-field-changes');
  box.contentEditable = 'false';
  for (const change of fields) {
    box.append(
      element(
        'p',
        'history-field-change',
        element('strong', 'history-note-kind', `${fieldLabel(change.field)} geändert`),
        ': ',
        wordElement('delete', fieldValue(change.field, change.from)),
        ' → ',
        wordElement('insert', fieldValue(change.field, change.to)),
        ` – ${byAndWhen(change.by, change.at)}`,
      ),
    );
  }
  return box;
}

/** A removed Maßnahmenart (or one the document lacks) with the entries that belonged to it. */
function ghostGroup(measureType: number, change: GroupChange | undefined, entries: readonly EntryChange[]): HTMLElement {
  const heading = element('h4', 'measure-heading', change?.kind === 'removed' ? wordElement('delete', measureTypeName(measureType)) : measureTypeName(measureType));
  const section = element('section', 'history-ghost-group', heading);
  section.contentEditable = 'false';
  if (change) section.append(groupNote(change));
  section.append(element('ul', '', ...entries.map(ghostEntry)));
  return section;
}

/**
 * The comparison in the document: changed entries of the live document are marked and labelled
 * in words (who, when, what), entries and Maßnahmenarten it no longer holds are shown where they
 * were, struck through, and field changes stand after § 4. Found by entry id, never by title.
 * `key` names the comparison, so that a new one never reuses the notes of the last.
 */
export function compareDecorations(doc: PMNode, diff: VersionDiff, key: string): DecorationSet {
  const byId = new Map<string, EntryChange[]>();
  for (const change of diff.entries) byId.set(change.entryId, [...(byId.get(change.entryId) ?? []), change]);
  const groupChanges = new Map<number, GroupChange>(diff.groups.map((change) => [change.measureType, change]));
  const shown = new Set<string>();
  const groupEnds = new Map<number, number>();
  const list: Decoration[] = [];
  let listEnd: number | null = null;

  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (name === NODE.templateBlock && node.attrs.blockId === 'p4' && diff.fields.length > 0) {
      list.push(Decoration.widget(pos + node.nodeSize, () => fieldNotes(diff.fields), { side: 1, key: `${key}-fields` }));
    }
    if (name === NODE.projectList) listEnd = pos + node.nodeSize - 1;
    if (name === NODE.measureGroup && isMeasureType(node.attrs.measureType)) {
      const measureType = node.attrs.measureType;
      groupEnds.set(measureType, pos + node.nodeSize - 1);
      const change = groupChanges.get(measureType);
      if (change?.kind === 'added') {
        list.push(Decoration.node(pos, pos + node.nodeSize, { class: 'history-group-added' }));
        list.push(Decoration.widget(pos + 1, () => element('li', 'history-group-item', groupNote(change)), { side: -1, key: `${key}-group-${measureType}` }));
      }
    }
    if (name === NODE.projectEntry) {
      const id = typeof node.attrs.id === 'string' ? node.attrs.id : null;
      const changes = (id === null ? undefined : byId.get(id))?.filter((change) => change.kind !== 'removed') ?? [];
      if (id !== null && changes.length > 0) {
        shown.add(id);
        const kinds = changes.map((change) => change.kind);
        list.push(Decoration.node(pos, pos + node.nodeSize, { class: `history-change ${kinds.map((kind) => `history-${kind}`).join(' ')}`, 'data-history-change': kinds.join(' ') }, { kinds }));
        list.push(Decoration.widget(pos + node.nodeSize - 1, () => entryNote(changes), { side: 1, key: `${key}-${id}`, ignoreSelection: true }));
      }
      return false;
    }
    return node.isBlock;
  });

  // What the document does not show by itself: removed entries, and entries of the other side.
  const orphans = new Map<number, EntryChange[]>();
  for (const change of diff.entries) {
    if (shown.has(change.entryId)) continue;
    const group = (change.kind === 'removed' ? change.fromGroup : (change.toGroup ?? change.fromGroup)) ?? 0;
    orphans.set(group, [...(orphans.get(group) ?? []), change]);
  }
  const missingGroups = new Set([...orphans.keys(), ...diff.groups.filter((g) => g.kind === 'removed').map((g) => g.measureType)].filter((g) => !groupEnds.has(g)));
  for (const [group, entries] of orphans) {
    const end = groupEnds.get(group);
    if (end === undefined) continue;
    entries.forEach((change, index) => list.push(Decoration.widget(end, () => ghostEntry(change), { side: 1 + index, key: `${key}-ghost-${change.entryId}` })));
  }
  const end: number | null = listEnd;
  if (end !== null && missingGroups.size > 0) {
    const groups = [...missingGroups].sort((a, b) => a - b);
    const sections = () => groups.map((group) => ghostGroup(group, groupChanges.get(group), orphans.get(group) ?? []));
    list.push(Decoration.widget(end, () => element('div', 'history-ghost-groups', ...sections()), { side: 1, key: `${key}-ghost-groups` }));
  }
  return DecorationSet.create(doc, list);
}
