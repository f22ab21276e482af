import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { isRemoteChange, projectListContentRange } from '../../../shared/editor/lock.js';
import { NODE } from '../../../shared/editor/nodes.js';

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
 * Keys after which the caret is where the person put it on purpose, not where a click into
 * locked text left it: moving it, or selecting everything.
 */
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Escape']);
const movesCaret = (event: KeyboardEvent) => NAVIGATION_KEYS.has(event.key) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a');
const typesOrDeletes = (event: KeyboardEvent) => EDITING_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey);

const isLocked = (node: PMNode) => node.type.name === NODE.templateBlock || node.type.name === NODE.signatures;

/**
 * Whether the last click went into locked text. Firefox leaves no caret there: it moves it on to
 * the next editable place, the start of the first project in §5, screens further down, and what
 * is typed next would land in that project unseen. Until the caret is moved on purpose, such
 * keystrokes get the answer instead (in Chromium, where they did nothing, now too).
 */
const clickedLockedKey = new PluginKey<boolean>('clickedLockedText');

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
    const clickedLocked = (view: EditorView) => clickedLockedKey.getState(view.state) === true;
    const setClickedLocked = (view: EditorView, value: boolean) => {
      if (clickedLocked(view) !== value) view.dispatch(view.state.tr.setMeta(clickedLockedKey, value));
    };
    const refuse = (view: EditorView) => {
      if (!view.editable || (selectionInList(view) && !clickedLocked(view))) return false;
      onLocked(LOCKED_TEXT_MESSAGE);
      return true;
    };
    return [
      new Plugin<boolean>({
        key: clickedLockedKey,
        state: {
          init: () => false,
          apply: (tr, value) => {
            const meta: unknown = tr.getMeta(clickedLockedKey);
            if (typeof meta === 'boolean') return meta;
            return tr.docChanged && !isRemoteChange(tr) ? false : value;
          },
        },
        props: {
          handleTextInput: (view) => refuse(view),
          handleKeyDown: (view, event) => {
            if (clickedLocked(view)) {
              if (movesCaret(event)) setClickedLocked(view, false);
              else if (typesOrDeletes(event)) return refuse(view);
            }
            return EDITING_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey && refuse(view);
          },
          handlePaste: (view) => refuse(view),
          // A plain click (a drag is no click: it still selects text to copy).
          handleClickOn: (view, _pos, node, _nodePos, _event, direct) => {
            if (direct) setClickedLocked(view, isLocked(node));
            return false;
          },
          handleDOMEvents: {
            mousedown: (view) => {
              setClickedLocked(view, false);
              return false;
            },
          },
        },
      }),
    ];
  },
});
