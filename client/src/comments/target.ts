import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { createPassage, entryTextType } from '../../../shared/comments/anchor.js';
import type { PassageAnchor } from '../../../shared/comments/types.js';
import { NODE } from '../../../shared/editor/nodes.js';

/** What "Kommentieren" comments on: an entry, and the passage selected inside it, if any. */
export interface CommentTarget {
  entryId: string;
  passage: PassageAnchor | null;
}

/**
 * The selection in document positions. Read from the DOM, so that readers (whose editor is not
 * editable and keeps no selection of its own) can comment on a passage too.
 */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { view } = editor;
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && selection.anchorNode && selection.focusNode && view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode)) {
    try {
      const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
      const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
      return { from: Math.min(a, b), to: Math.max(a, b) };
    } catch {
      // A node outside ProseMirror's view (a caret label): fall back to its selection.
    }
  }
  const { from, to } = editor.state.selection;
  return editor.isFocused || from !== to ? { from, to } : null;
}

function entryAt(editor: Editor, pos: number): { id: string; start: number; end: number } | null {
  const $pos = editor.state.doc.resolve(Math.min(pos, editor.state.doc.content.size));
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === NODE.projectEntry && typeof node.attrs.id === 'string') {
      return { id: node.attrs.id, start: $pos.start(depth), end: $pos.end(depth) };
    }
  }
  return null;
}

export function commentTarget(editor: Editor, ydoc: Y.Doc): CommentTarget | null {
  const range = selectedRange(editor);
  if (!range) return null;
  const entry = entryAt(editor, range.from);
  if (!entry) return null;
  const from = range.from - entry.start;
  const to = Math.min(range.to, entry.end) - entry.start;
  const type = entryTextType(ydoc, entry.id);
  const passage = type && to > from && range.to <= entry.end && type.toString().slice(from, to).trim().length > 0 ? createPassage(type, from, to) : null;
  return { entryId: entry.id, passage };
}

/** Brings an entry into view. */
export function revealEntry(editor: Editor, entryId: string): void {
  const element = editor.view.dom.querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`);
  if (element instanceof HTMLElement) element.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
