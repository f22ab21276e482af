import * as Y from 'yjs';
import { BODY_FIELD } from '../../shared/editor/schema.js';
import { NODE } from '../../shared/editor/nodes.js';

/**
 * Finding one's way in an agreement's Y.Doc the way a client (honest or not) would: the body is
 * an XmlFragment of top-level elements; the §5 list holds measure groups, which hold entries,
 * which hold one XmlText. Pure helpers, shared by the in-process and the integration tests.
 */

export function body(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY_FIELD);
}

export function topLevel(doc: Y.Doc): Y.XmlElement[] {
  return body(doc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

export function templateBlock(doc: Y.Doc, blockId: string): Y.XmlElement {
  const block = topLevel(doc).find((node) => node.nodeName === NODE.templateBlock && node.getAttribute('blockId') === blockId);
  if (!block) throw new Error(`no template block ${blockId}`);
  return block;
}

export function topLevelNode(doc: Y.Doc, nodeName: string): Y.XmlElement {
  const node = topLevel(doc).find((candidate) => candidate.nodeName === nodeName);
  if (!node) throw new Error(`no top-level ${nodeName}`);
  return node;
}

export function projectList(doc: Y.Doc): Y.XmlElement {
  return topLevelNode(doc, NODE.projectList);
}

export function groups(doc: Y.Doc): Y.XmlElement[] {
  return projectList(doc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

export function group(doc: Y.Doc, index: number): Y.XmlElement {
  const found = groups(doc)[index];
  if (!found) throw new Error(`no measure group ${index}`);
  return found;
}

/** The group of one Maßnahmenart, wherever the district put it. */
export function groupOfType(doc: Y.Doc, measureType: number): Y.XmlElement {
  const found = groups(doc).find((candidate) => candidate.getAttribute('measureType') === (measureType as unknown as string));
  if (!found) throw new Error(`no group of Maßnahmenart ${measureType}`);
  return found;
}

export function entries(groupElement: Y.XmlElement): Y.XmlElement[] {
  return groupElement.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

export function entryText(entry: Y.XmlElement): Y.XmlText {
  const text = entry.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('entry without text');
  return text;
}

/** The text of the first entry of the first group ("DREIplus …" in the demo). */
export function firstEntryText(doc: Y.Doc): Y.XmlText {
  const first = entries(group(doc, 0))[0];
  if (!first) throw new Error('no first entry');
  return entryText(first);
}

/** A new project entry as the editor builds it: an element with an id holding one text. */
export function newEntry(id: string | null, title: string): Y.XmlElement {
  const entry = new Y.XmlElement(NODE.projectEntry);
  if (id !== null) entry.setAttribute('id', id);
  const text = new Y.XmlText();
  text.insert(0, title);
  entry.insert(0, [text]);
  return entry;
}

/**
 * Sets an attribute with its JSON type, as y-prosemirror does (a measure type is a number); the
 * typings of Yjs' XmlElement default to string values.
 */
export function setAttribute(element: Y.XmlElement, key: string, value: number | string | boolean | null): void {
  (element as unknown as Y.XmlElement<Record<string, number | string | boolean | null>>).setAttribute(key, value);
}

/** A new measure group holding the given entries. */
export function newGroup(measureType: number, groupEntries: Y.XmlElement[]): Y.XmlElement {
  const element = new Y.XmlElement(NODE.measureGroup);
  setAttribute(element, 'measureType', measureType);
  element.insert(0, groupEntries);
  return element;
}
