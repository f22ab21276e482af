import * as Y from 'yjs';
import type { ProjectEntry, ProjectListModel } from '../../shared/editor/body.js';
import { NODE } from '../../shared/editor/nodes.js';
import type { MeasureType } from '../../shared/measureTypes.js';
import { groupElements, projectListElement } from './docItems.js';

/** A new entry element, as y-prosemirror would write it (attributes, then its text). */
function entryElement(entry: ProjectEntry): Y.XmlElement {
  const element = new Y.XmlElement(NODE.projectEntry);
  element.setAttribute('id', entry.id);
  if (entry.carriedFrom) element.setAttribute('carriedFrom', entry.carriedFrom);
  if (entry.title !== '') element.insert(0, [new Y.XmlText(entry.title)]);
  return element;
}

function groupElement(measureType: MeasureType): Y.XmlElement {
  const element = new Y.XmlElement(NODE.measureGroup);
  // Stored as the schema writes it (a number), like the seeded groups.
  element.setAttribute('measureType', measureType as unknown as string);
  return element;
}

/** Changes the text of an entry to `title` with the smallest edit: keep the common start and end. */
function retitle(element: Y.XmlElement, title: string): void {
  const text = element.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) {
    if (title !== '') element.insert(element.length, [new Y.XmlText(title)]);
    return;
  }
  const current = text.toString();
  if (current === title) return;
  let start = 0;
  while (start < current.length && start < title.length && current[start] === title[start]) start++;
  let end = 0;
  while (end < current.length - start && end < title.length - start && current[current.length - 1 - end] === title[title.length - 1 - end]) end++;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = title.slice(start, title.length - end);
  if (inserted !== '') text.insert(start, inserted);
}

const idOf = (node: unknown): string | null => {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== NODE.projectEntry) return null;
  const id: unknown = node.getAttribute('id');
  return typeof id === 'string' ? id : null;
};

/**
 * Brings the §5 list of `doc` to `target` as a forward change, inside the caller's transaction:
 * entries that stay where they are keep their element (and so their authors and comments), only
 * their text is edited; entries to remove are deleted; an entry that comes back, or comes back in
 * another Maßnahmenart or position, is written anew with its id (and lineage). Groups follow
 * `target`'s order. Nothing outside the §5 list is touched.
 */
export function restoreProjectList(doc: Y.Doc, target: ProjectListModel): void {
  const list = projectListElement(doc);
  if (!list) throw new Error('the document has no project list');
  const wanted = new Map(target.map((group) => [group.measureType, group]));
  // Groups that are not wanted go first, with everything in them.
  for (let at = list.length - 1; at >= 0; at--) {
    const child = list.get(at);
    const type = [...groupElements(doc)].find(([, element]) => element === child)?.[0];
    if (type === undefined || !wanted.has(type)) list.delete(at, 1);
  }
  target.forEach((group, position) => {
    let element = groupElements(doc).get(group.measureType);
    if (!element || list.toArray().indexOf(element) !== position) {
      if (element) list.delete(list.toArray().indexOf(element), 1);
      element = groupElement(group.measureType);
      list.insert(Math.min(position, list.length), [element]);
    }
    restoreEntries(element, group.entries);
  });
}

function restoreEntries(group: Y.XmlElement, entries: readonly ProjectEntry[]): void {
  const wantedIds = new Set(entries.map((entry) => entry.id));
  for (let at = group.length - 1; at >= 0; at--) {
    const id = idOf(group.get(at));
    if (id === null || !wantedIds.has(id)) group.delete(at, 1);
  }
  entries.forEach((entry, position) => {
    const present = group.get(position);
    if (present instanceof Y.XmlElement && idOf(present) === entry.id) {
      retitle(present, entry.title);
      return;
    }
    const later = group.toArray().findIndex((child) => idOf(child) === entry.id);
    if (later >= 0) group.delete(later, 1);
    group.insert(position, [entryElement(entry)]);
  });
}
