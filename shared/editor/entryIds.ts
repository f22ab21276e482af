import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import { isEntryId, newEntryId } from './ids.js';
import { isRemoteChange } from './lock.js';
import { NODE } from './nodes.js';

/**
 * Every project entry keeps a stable, unique id: comments anchor to it. Splitting an entry
 * (Enter) leaves the new half without id (keepOnSplit is false), and a pasted entry may carry the
 * id of one that is still in the document. This plugin gives such entries a fresh id in the same
 * dispatch, so no entry without a unique id ever reaches the Y.Doc.
 *
 * It reacts only to local edits: fixing up a remote change would write to the document on behalf
 * of someone else (and a viewer's client must never write at all).
 */
export function assignEntryIds(state: EditorState, makeId: () => string = newEntryId): Transaction | null {
  const seen = new Set<string>();
  let tr: Transaction | null = null;
  state.doc.descendants((node, pos) => {
    if (node.type.name !== NODE.projectEntry) {
      return node.type.name === NODE.projectList || node.type.name === NODE.measureGroup;
    }
    const id: unknown = node.attrs.id;
    if (isEntryId(id) && !seen.has(id)) {
      seen.add(id);
    } else {
      let fresh = makeId();
      while (seen.has(fresh)) fresh = makeId();
      seen.add(fresh);
      tr ??= state.tr;
      // A copy of a carried-over entry is a new entry: it does not inherit the lineage. (Replacing
      // the markup rather than setting the attribute: the lock refuses any step on `carriedFrom`.)
      if (node.attrs.carriedFrom) tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: fresh, carriedFrom: null });
      else tr.setNodeAttribute(pos, 'id', fresh);
    }
    return false;
  });
  return tr;
}

export const entryIdsKey = new PluginKey('entryIds');

export function entryIdsPlugin(makeId: () => string = newEntryId): Plugin {
  return new Plugin({
    key: entryIdsKey,
    appendTransaction: (transactions, _oldState, newState) => {
      const localEdit = transactions.some((tr) => tr.docChanged && !isRemoteChange(tr));
      return localEdit ? assignEntryIds(newState, makeId) : null;
    },
  });
}

export const EntryIds = Extension.create({
  name: 'entryIds',
  addProseMirrorPlugins: () => [entryIdsPlugin()],
});
