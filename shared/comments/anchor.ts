import * as Y from 'yjs';
import { NODE } from '../editor/nodes.js';
import { BODY_FIELD } from '../editor/schema.js';
import type { PassageAnchor } from './types.js';

/**
 * Where a thread sits in the Y.Doc: the project entry with its stable id, and (for a passage)
 * Yjs relative positions on the entry's Y.XmlText. Pure functions of a Y.Doc, used by the server
 * to check and describe anchors and by the editor to highlight them.
 */

function* projectEntries(doc: Y.Doc): Generator<Y.XmlElement> {
  for (const top of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(top instanceof Y.XmlElement) || top.nodeName !== NODE.projectList) continue;
    for (const group of top.toArray()) {
      if (!(group instanceof Y.XmlElement)) continue;
      for (const entry of group.toArray()) if (entry instanceof Y.XmlElement && entry.nodeName === NODE.projectEntry) yield entry;
    }
  }
}

/** The entry's text type, or null when no entry has this id (any more). */
export function entryTextType(doc: Y.Doc, entryId: string): Y.XmlText | null {
  for (const entry of projectEntries(doc)) {
    if (entry.getAttribute('id') !== entryId) continue;
    const text = entry.get(0);
    return text instanceof Y.XmlText ? text : null;
  }
  return null;
}

/** Every entry's id and current title, in document order. */
export function entryTitles(doc: Y.Doc): Map<string, string> {
  const titles = new Map<string, string>();
  for (const entry of projectEntries(doc)) {
    const id = entry.getAttribute('id');
    const text = entry.get(0);
    if (typeof id === 'string') titles.set(id, text instanceof Y.XmlText ? text.toString() : '');
  }
  return titles;
}

export function encodePosition(type: Y.XmlText, index: number, assoc: number): string {
  const bytes = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The relative position in a base64 string, or null when it is not one. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
  if (encoded.length === 0 || encoded.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const position = Y.decodeRelativePosition(bytes);
    // An entry's text is never a root; resolving a root's name would create that root.
    return position.tname === null ? position : null;
  } catch {
    return null;
  }
}

/** A new anchor on characters [from, to) of an entry's text. The start sticks to the right, the end to the left. */
export function createPassage(type: Y.XmlText, from: number, to: number): PassageAnchor {
  return { start: encodePosition(type, from, 0), end: encodePosition(type, to, -1), quote: type.toString().slice(from, to) };
}

export type ResolvedPassage = { from: number; to: number; how: 'positions' | 'quote' };

/**
 * The passage's character range in the entry's current text: from the relative positions while
 * they point into this text; else (the entry was moved, which re-creates its text) where the
 * quote occurs; null when neither finds it any more.
 */
export function resolvePassage(doc: Y.Doc, type: Y.XmlText, passage: PassageAnchor): ResolvedPassage | null {
  const start = decodePosition(passage.start);
  const end = decodePosition(passage.end);
  if (start && end) {
    const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
    const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
    if (a && b && a.type === type && b.type === type && a.index < b.index) return { from: a.index, to: b.index, how: 'positions' };
  }
  if (passage.quote.length === 0) return null;
  const at = type.toString().indexOf(passage.quote);
  return at < 0 ? null : { from: at, to: at + passage.quote.length, how: 'quote' };
}
