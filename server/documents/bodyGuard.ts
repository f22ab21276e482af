import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { projectEntryProblem, projectListProblem } from '../../shared/editor/entryRules.js';
import { NODE } from '../../shared/editor/nodes.js';
import { agreementSchema, BODY_FIELD } from '../../shared/editor/schema.js';
import { ROOT } from '../../shared/protocol.js';

/**
 * The lock rules, on the transaction that applied a client's update to the shadow document.
 * A client may change only the content of the §5 project list; the result must be a valid
 * project list under the shared schema. Returns a reason (for the log) or null.
 *
 * `transaction.changed` names every pre-existing type the update touched (inserts, deletions,
 * attribute changes); types the update created are reached through their changed parent.
 */
/** Whatever kind of shared type a transaction reports as changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

export function checkBodyTransaction(transaction: Y.Transaction, doc: Y.Doc): string | null {
  return checkBody(transaction, doc, true);
}

/**
 * The same rules without the typing shortcut: every change reads the whole project list through
 * the schema. What the shortcut must agree with (tests/unit/bodyGuard-typing.test.ts).
 */
export function checkBodyTransactionInFull(transaction: Y.Transaction, doc: Y.Doc): string | null {
  return checkBody(transaction, doc, false);
}

function checkBody(transaction: Y.Transaction, doc: Y.Doc, typingShortcut: boolean): string | null {
  // The body exactly as the shadow holds it. A root that arrived only in updates is a plain
  // AbstractType, and getXmlFragment() would replace it by a new object, so that `changed` would
  // name a type that is no longer the body (a top-level change then read as "another root").
  const body: unknown = doc.share.get(BODY_FIELD);
  let list: Y.XmlElement | null = null;
  // Typing changes only the text of entries; then only those entries need checking, and the
  // cost of a keystroke does not grow with the list (the rest was checked when it was written).
  const typedEntries = new Set<Y.XmlElement>();
  let onlyTyping = true;
  for (const [type, keys] of transaction.changed) {
    if (type === body) return 'changes the top-level sequence of the agreement';
    const top = topLevelAncestor(type, body);
    if (top === null) return `writes to a root other than the body (${rootName(type, doc)})`;
    if (!(top instanceof Y.XmlElement) || top.nodeName !== NODE.projectList) return `changes a locked block (${describe(top)})`;
    if ((type as unknown) === top && [...keys].some((key) => key !== null)) return 'changes attributes of the project list';
    // Lineage is the server's record of where a carried-over entry came from: an existing entry's
    // `carriedFrom` is never set, changed or removed by a client (a new entry is checked below).
    if ((type as unknown) instanceof Y.XmlElement && (type as unknown as Y.XmlElement).nodeName === NODE.projectEntry && keys.has(CARRIED_FROM)) return 'changes the lineage (carriedFrom) of a project entry';
    list = top;
    const entry = typedEntry(type, keys, top);
    if (entry) typedEntries.add(entry);
    else onlyTyping = false;
  }
  if (!list) return null;
  return onlyTyping && typingShortcut ? checkTypedEntries(typedEntries) : (checkProjectList(list) ?? checkLineage(list, doc));
}

const CARRIED_FROM = 'carriedFrom';

/**
 * Every entry that names a lineage must name the one the server recorded for its id (Y.Map
 * "lineage"): a moved entry is re-created with its attributes, an undone deletion too, but no
 * client can give an entry a history it does not have (a copy loses it, see shared/editor).
 */
function checkLineage(list: Y.XmlElement, doc: Y.Doc): string | null {
  const lineage = doc.getMap<unknown>(ROOT.lineage);
  for (const group of list.toArray()) {
    if (!(group instanceof Y.XmlElement)) continue;
    for (const entry of group.toArray()) {
      if (!(entry instanceof Y.XmlElement)) continue;
      const carriedFrom: unknown = entry.getAttribute(CARRIED_FROM);
      if (carriedFrom === undefined || carriedFrom === null) continue;
      const id: unknown = entry.getAttribute('id');
      if (typeof id !== 'string' || lineage.get(id) !== carriedFrom) return `claims a lineage the server did not record (${String(id)} ← ${String(carriedFrom)})`;
    }
  }
  return null;
}

/** The entry whose text (content only, no attributes) `type` is, directly inside a group of the list. */
function typedEntry(type: SharedType, keys: Set<string | null>, list: Y.XmlElement): Y.XmlElement | null {
  if (!(type instanceof Y.XmlText) || [...keys].some((key) => key !== null)) return null;
  const entry = type._item?.parent;
  if (!(entry instanceof Y.XmlElement) || entry.nodeName !== NODE.projectEntry) return null;
  const group = entry._item?.parent;
  if (!(group instanceof Y.XmlElement) || group.nodeName !== NODE.measureGroup || group._item?.parent !== list) return null;
  return entry;
}

/**
 * Checks the entries whose text alone changed: their text against the entry rules, nothing else.
 * Typing cannot have changed anything else about them. Their attributes and those of their group
 * are unchanged (an attribute change names the element in `changed`, which takes the full path)
 * and were valid when they were last written; the text is a child of an entry that existed
 * before (Yjs names only pre-existing types in `changed`), and a new child of the entry would
 * name the entry. So the schema is not asked again: building ProseMirror nodes of the entry
 * (`nodeFromJSON`, `check`) was most of the cost of every keystroke.
 */
function checkTypedEntries(typed: Set<Y.XmlElement>): string | null {
  try {
    for (const entry of typed) {
      const text = entry
        .toArray()
        .map((child) => {
          if (!(child instanceof Y.XmlText)) throw new Error('unexpected child type');
          return textOf(child);
        })
        .join('');
      const problem = projectEntryProblem(entry.getAttribute('id'), text, { requireIds: true });
      if (problem) return problem;
    }
    return null;
  } catch (error: unknown) {
    return `invalid project list: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function topLevelAncestor(type: SharedType, body: unknown): SharedType | null {
  let current = type;
  for (;;) {
    const parent = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === body) return current;
    current = parent as SharedType;
  }
}

function rootName(type: SharedType, doc: Y.Doc): string {
  let root = type;
  while (root._item?.parent instanceof Y.AbstractType) root = root._item.parent as SharedType;
  for (const [name, shared] of doc.share) if ((shared as unknown) === root) return name;
  return 'unknown';
}

function describe(type: unknown): string {
  if (type instanceof Y.XmlElement) return `${type.nodeName} ${String(type.getAttribute('blockId') ?? '')}`.trim();
  return 'unknown type';
}

/** Converts a Y element of the project list into ProseMirror JSON, refusing what the schema cannot hold. */
function toJSON(type: Y.XmlElement | Y.XmlText): JSONContent[] {
  if (type instanceof Y.XmlText) return [{ type: 'text', text: textOf(type) }].filter((node) => node.text !== '');
  const attrs = type.getAttributes() as Record<string, unknown>;
  // ProseMirror drops attributes its schema does not declare, so the schema check below would
  // not notice them; they would still be stored and sent to every client.
  const declared = agreementSchema().nodes[type.nodeName]?.spec.attrs ?? {};
  const unknownAttribute = Object.keys(attrs).find((key) => !Object.hasOwn(declared, key));
  if (unknownAttribute !== undefined) throw new Error(`unknown attribute ${unknownAttribute} on ${type.nodeName}`);
  // The other way round, ProseMirror fills in a missing attribute with its default (a group
  // without measureType shows as Maßnahmenart 3), while the printed text reads the stored
  // attributes and left such a group out. y-prosemirror stores every attribute that is not null.
  const missing = Object.entries(declared).find(([key, spec]) => spec.default !== null && !Object.hasOwn(attrs, key));
  if (missing !== undefined) throw new Error(`missing attribute ${missing[0]} on ${type.nodeName}`);
  return [
    {
      type: type.nodeName,
      attrs,
      content: type.toArray().flatMap((child) => {
        if (!(child instanceof Y.XmlElement) && !(child instanceof Y.XmlText)) throw new Error('unexpected child type');
        return toJSON(child);
      }),
    },
  ];
}

/** The plain text of an entry's Y.XmlText, refusing what the schema cannot hold (attributes, embeds, formatting). */
function textOf(text: Y.XmlText): string {
  // y-prosemirror never sets attributes on a text; ProseMirror would not see them either.
  if (Object.keys(text.getAttributes()).length > 0) throw new Error('attributes on the text of a project entry');
  return text
    .toDelta()
    .map((op: { insert: unknown; attributes?: Record<string, unknown> }) => {
      if (typeof op.insert !== 'string') throw new Error('embedded object in a project entry');
      if (op.attributes && Object.keys(op.attributes).length > 0) throw new Error('formatted text in a project entry');
      return op.insert;
    })
    .join('');
}

function checkProjectList(list: Y.XmlElement): string | null {
  try {
    const [json] = toJSON(list);
    if (!json) return 'invalid project list: empty';
    return checkListJSON(json);
  } catch (error: unknown) {
    return `invalid project list: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function checkListJSON(json: JSONContent): string | null {
  const node = agreementSchema().nodeFromJSON(json);
  node.check();
  return projectListProblem(node, { requireIds: true });
}
