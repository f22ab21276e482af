import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { findEntry, findList } from './commands/locate.js';

/**
 * Tabbing into the document leaves ProseMirror's selection where it was, often between two
 * locked blocks, where typing does nothing. A keyboard user who enters the document therefore gets
 * the caret in the first project of §5, the only place that can be edited. A click keeps its own
 * caret: whoever clicks template text and types must not write into the project list.
 */
function caretIntoProjectList(view: EditorView): void {
  if (!view.editable || findEntry(view.state)) return;
  const list = findList(view.state.doc);
  if (!list) return;
  const selection = Selection.findFrom(view.state.doc.resolve(list.listPos + 1), 1, true);
  if (selection && selection.from < list.listPos + list.list.nodeSize) {
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  }
}

export const KeyboardFocus = Extension.create({
  name: 'keyboardFocus',
  addProseMirrorPlugins() {
    let pointerDown = false;
    return [
      new Plugin({
        key: new PluginKey('keyboardFocus'),
        props: {
          handleDOMEvents: {
            pointerdown: () => {
              pointerDown = true;
              return false;
            },
            focus: (view) => {
              const byKeyboard = !pointerDown;
              pointerDown = false;
              // After ProseMirror's own focus handling, which restores the old selection.
              if (byKeyboard) setTimeout(() => caretIntoProjectList(view), 0);
              return false;
            },
          },
        },
      }),
    ];
  },
});
