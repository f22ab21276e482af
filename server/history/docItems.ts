import * as Y from 'yjs';
import { isMeasureType, type MeasureType } from '../../shared/measureTypes.js';
import type { ProjectEntry, ProjectListModel } from '../../shared/editor/body.js';
import { NODE } from '../../shared/editor/nodes.js';
import { BODY_FIELD } from '../../shared/editor/schema.js';

/** A clock range of the document's items: what the update index is asked about. */
export interface ItemRange {
  client: number;
  clock: number;
  length: number;
  deleted: boolean;
}

/** An entry of §5 as the Y.Doc holds it. */
export interface EntryNode {
  element: Y.XmlElement;
  group: MeasureType;
}

/** The §5 list element of a document, if it has one. */
export function projectListElement(doc: Y.Doc): Y.XmlElement | null {
  for (const child of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === NODE.projectList) return child;
  }
  return null;
}

/** The Maßnahmenart groups of §5 by their type, as elements. */
export function groupElements(doc: Y.Doc): Map<MeasureType, Y.XmlElement> {
  const groups = new Map<MeasureType, Y.XmlElement>();
  for (const child of projectListElement(doc)?.toArray() ?? []) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== NODE.measureGroup) continue;
    const type: unknown = child.getAttribute('measureType');
    const measureType = typeof type === 'string' ? Number(type) : type;
    if (isMeasureType(measureType) && !groups.has(measureType)) groups.set(measureType, child);
  }
  return groups;
}

/** Every §5 entry by its id (the first one, should an id occur twice). */
export function entryElements(doc: Y.Doc): Map<string, EntryNode> {
  const entries = new Map<string, EntryNode>();
  for (const [group, element] of groupElements(doc)) {
    for (const child of element.toArray()) {
      if (!(child instanceof Y.XmlElement) || child.nodeName !== NODE.projectEntry) continue;
      const id: unknown = child.getAttribute('id');
      if (typeof id === 'string' && !entries.has(id)) entries.set(id, { element: child, group });
    }
  }
  return entries;
}

/** The item that holds a type (an element's own insertion). */
export function ownItem(type: Pick<Y.AbstractType<never>, '_item'>): ItemRange | null {
  const item = type._item;
  return item ? { client: item.id.client, clock: item.id.clock, length: item.length, deleted: item.deleted } : null;
}

/**
 * The items of an element's content (text, formatting, nested elements), deleted ones included:
 * with garbage collection on, a deleted item inside a living parent keeps its id and length.
 */
export function contentItems(type: Pick<Y.AbstractType<never>, '_start'>): ItemRange[] {
  const items: ItemRange[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    items.push({ client: item.id.client, clock: item.id.clock, length: item.length, deleted: item.deleted });
    if (!item.deleted && item.content instanceof Y.ContentType) items.push(...contentItems(item.content.type));
  }
  return items;
}

/** The item holding a map's current value for a key (who set a field last). */
export function mapValueItem(map: Y.Map<unknown>, key: string): ItemRange | null {
  const item = map._map.get(key);
  return item ? { client: item.id.client, clock: item.id.clock, length: item.length, deleted: item.deleted } : null;
}

/** The plain text of an element's content (an entry's title: text without marks). */
function textOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? (child.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('') : ''))
    .join('');
}

/**
 * The §5 list of a document, read from the Yjs types directly: the same model as
 * readProjectList (server/documents/agreementDoc.ts), without converting the whole body to
 * ProseMirror JSON first, which a comparison of two 300-entry versions cannot afford.
 */
export function projectListOf(doc: Y.Doc): ProjectListModel {
  return [...groupElements(doc)].map(([measureType, group]) => ({
    measureType,
    entries: group
      .toArray()
      .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === NODE.projectEntry)
      .map((entry): ProjectEntry => {
        const carriedFrom: unknown = entry.getAttribute('carriedFrom');
        const model = { id: String(entry.getAttribute('id') ?? ''), title: textOf(entry) };
        return typeof carriedFrom === 'string' ? { ...model, carriedFrom } : model;
      }),
  }));
}

/** A document from an encoded state, for reading only. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
