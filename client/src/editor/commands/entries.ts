import { TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Selection } from '@tiptap/pm/state';
import { newEntryId } from '../../../../shared/editor/ids.js';
import { NODE } from '../../../../shared/editor/nodes.js';
import { findEntry, type EntryLocation } from './locate.js';

/**
 * Commands on the project entries of §5. Plain ProseMirror commands (state, dispatch), so the
 * toolbar, the keyboard and the in-process tests use the same code. All of them change only the
 * content of the project list, which is what the lock filter lets through.
 */

function insertEntryAt(state: EditorState, pos: number, id: string): Transaction {
  const entry = state.schema.nodes[NODE.projectEntry]?.create({ id });
  if (!entry) throw new Error('schema has no project entry');
  const tr = state.tr.insert(pos, entry);
  return tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView();
}

/** Adds an empty project after the one that holds the cursor. */
export function addProject(makeId: () => string = newEntryId): Command {
  return (state, dispatch) => {
    const at = findEntry(state);
    if (!at) return false;
    dispatch?.(insertEntryAt(state, at.entryPos + at.entry.nodeSize, makeId()));
    return true;
  };
}

/** Adds an empty project at the end of the group that starts at `groupPos` (e.g. an empty group). */
export function addProjectToGroup(groupPos: number, makeId: () => string = newEntryId): Command {
  return (state, dispatch) => {
    const group = state.doc.nodeAt(groupPos);
    if (!group || group.type.name !== NODE.measureGroup) return false;
    dispatch?.(insertEntryAt(state, groupPos + group.nodeSize - 1, makeId()));
    return true;
  };
}

/** After a deletion at `pos`, the nearest place to type: the previous project, else the next. */
export function selectNearestEntry(tr: Transaction, pos: number): Transaction {
  const $pos = tr.doc.resolve(Math.min(pos, tr.doc.content.size));
  const selection = Selection.findFrom($pos, -1, true) ?? Selection.findFrom($pos, 1, true);
  return selection ? tr.setSelection(selection) : tr;
}

/** Removes the project that holds the cursor. */
export const removeProject: Command = (state, dispatch) => {
  const at = findEntry(state);
  if (!at) return false;
  if (dispatch) {
    const tr = state.tr.delete(at.entryPos, at.entryPos + at.entry.nodeSize);
    dispatch(selectNearestEntry(tr, at.entryPos).scrollIntoView());
  }
  return true;
};

/**
 * Where the entry goes when moved one step: past its neighbour in the group, or across the group
 * boundary to the end (upwards) or start (downwards) of the neighbouring group.
 */
function moveTarget(at: EntryLocation, direction: -1 | 1): number | null {
  const { group, list, entryIndex, groupIndex, entryPos, entry, groupPos } = at;
  if (direction < 0) {
    const previous = entryIndex > 0 ? group.child(entryIndex - 1) : null;
    if (previous) return entryPos - previous.nodeSize;
    return groupIndex > 0 ? groupPos - 1 : null;
  }
  const next = entryIndex < group.childCount - 1 ? group.child(entryIndex + 1) : null;
  if (next) return entryPos + entry.nodeSize + next.nodeSize;
  return groupIndex < list.childCount - 1 ? groupPos + group.nodeSize + 1 : null;
}

/** Moves the project that holds the cursor up (-1) or down (1); the cursor moves with it. */
export function moveProject(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const at = findEntry(state);
    const target = at ? moveTarget(at, direction) : null;
    if (!at || target === null) return false;
    if (dispatch) {
      const { anchor, head } = state.selection;
      const tr = state.tr.delete(at.entryPos, at.entryPos + at.entry.nodeSize);
      const insertAt = tr.mapping.map(target);
      tr.insert(insertAt, at.entry);
      tr.setSelection(TextSelection.create(tr.doc, insertAt + anchor - at.entryPos, insertAt + head - at.entryPos));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Enter: splits the project at the cursor; the second half becomes a new project with a fresh id.
 * (The entryIds plugin would give it one anyway; naming it here keeps the split one step.)
 */
export function splitProject(makeId: () => string = newEntryId): Command {
  return (state, dispatch) => {
    const at = findEntry(state);
    if (!at) return false;
    if (dispatch) {
      const tr = state.tr.deleteSelection();
      const type = state.schema.nodes[NODE.projectEntry];
      if (!type) return false;
      tr.split(tr.selection.from, 1, [{ type, attrs: { id: makeId() } }]);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
