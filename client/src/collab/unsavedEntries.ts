import * as Y from 'yjs';
import { NODE } from '../../../shared/editor/nodes.js';
import { BODY_FIELD } from '../../../shared/editor/schema.js';

interface EntryText {
  id: string | null;
  text: string;
}

function textOf(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') text += op.insert;
  }
  return text;
}

/** Every project entry of the body, in document order, with its id and its text. */
export function entryTexts(doc: Y.Doc): EntryText[] {
  const entries: EntryText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === NODE.projectEntry) {
        const id = child.getAttribute('id');
        entries.push({ id: typeof id === 'string' ? id : null, text: textOf(child) });
      } else {
        visit(child);
      }
    }
  };
  visit(doc.getXmlFragment(BODY_FIELD));
  return entries;
}

/**
 * The entry texts that changes kept in this browser would have written into `current`: the
 * entries that are new or read differently once `pending` is applied to a copy. Used when the
 * server can no longer take those changes (the agreement was released), so the user can copy them.
 */
export function unsavedEntryTexts(current: Y.Doc, pending: Uint8Array): string[] {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    Y.applyUpdate(copy, pending);
    const before = entryTexts(current);
    const known = new Set(before.map((entry) => `${entry.id ?? ''}\u0000${entry.text}`));
    const texts = new Set(before.map((entry) => entry.text));
    return entryTexts(copy)
      .filter((entry) => entry.text.trim() !== '' && !known.has(`${entry.id ?? ''}\u0000${entry.text}`) && (entry.id !== null || !texts.has(entry.text)))
      .map((entry) => entry.text);
  } finally {
    copy.destroy();
  }
}
