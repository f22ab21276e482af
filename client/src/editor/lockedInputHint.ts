import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { projectListContentRange } from '../../../shared/editor/lock.js';

export const LOCKED_TEXT_MESSAGE = 'Dieser Text gehört zur Vorlage und ist gesperrt. Bearbeiten lässt sich nur die Projektliste in §\u00a05.';

/** Keys that would change the document at the selection (typing goes through handleTextInput). */
const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Enter']);

/** Whether the selection lies wholly in the §5 list, where the lock lets edits through. */
function selectionInList(view: EditorView): boolean {
  const range = projectListContentRange(view.state.doc);
  const { from, to } = view.state.selection;
  return range !== null && from >= range.from && to <= range.to;
}

/**
 * Says why a keystroke in locked text did nothing. The lock (shared/editor/lock.ts) refuses such
 * a change silently, as it must for every transaction; here the keys a person presses get an
 * answer (Strg+A, Entf in the Präambel; typing after a click into the template text). Stopping
 * the key also keeps the editor from even trying.
 */
export const LockedInputHint = Extension.create<{ onLocked: (message: string) => void }>({
  name: 'lockedInputHint',
  addOptions: () => ({ onLocked: () => undefined }),
  addProseMirrorPlugins() {
    const { onLocked } = this.options;
    const refuse = (view: EditorView) => {
      if (!view.editable || selectionInList(view)) return false;
      onLocked(LOCKED_TEXT_MESSAGE);
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('lockedInputHint'),
        props: {
          handleTextInput: (view) => refuse(view),
          handleKeyDown: (view, event) => EDITING_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey && refuse(view),
          handlePaste: (view) => refuse(view),
        },
      }),
    ];
  },
});
