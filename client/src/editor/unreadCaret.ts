import type { EditorView } from '@tiptap/pm/view';

/** What ProseMirror keeps of the page's selection (prosemirror-view internals, as of 1.42). */
interface SelectionBookkeeping {
  domObserver?: { currentSelection?: { eq(range: unknown): boolean } };
  domSelectionRange?: () => unknown;
}

/**
 * Whether the browser has put a caret into the document that ProseMirror has not read yet. A click
 * places it (Firefox on mousedown, before the editor's focus event; Chromium on mouseup);
 * ProseMirror reads it only at the next `selectionchange`. Until then the state still holds the
 * old selection, and any transaction that redraws the document (new decorations) writes that old
 * selection back over the clicked one: the caret ends up where it was before, at first in §5's
 * first project (issue 13). This is ProseMirror's own test before it writes the selection; should
 * a later prosemirror-view rename its parts, this answers false and tests/e2e-firefox/editLive
 * fails in Firefox.
 */
export function caretUnread(view: EditorView): boolean {
  const caret = view.dom.ownerDocument.getSelection()?.anchorNode;
  if (!caret || !view.dom.contains(caret)) return false;
  const { domObserver, domSelectionRange } = view as unknown as SelectionBookkeeping;
  const read = domObserver?.currentSelection;
  if (!read || typeof domSelectionRange !== 'function') return false;
  return !read.eq(domSelectionRange.call(view));
}
