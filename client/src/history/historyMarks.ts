import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/nodes.js';
import { caretUnread } from '../editor/unreadCaret.js';
import { compareDecorations } from './compareMarks.js';
import type { HistoryStore } from './historyStore.js';

export const historyMarksKey = new PluginKey<null>('historyMarks');
/** The one tooltip that says who wrote the entry under the pointer or the caret (AttributionTip). */
export const ATTRIBUTION_TIP_ID = 'entry-attribution';

function entryIdAtCaret(state: EditorState): string | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name === NODE.projectEntry) return typeof node.attrs.id === 'string' ? node.attrs.id : null;
  }
  return null;
}

function entryIdOf(target: EventTarget | null, view: EditorView): string | null {
  const entry = target instanceof Element ? target.closest<HTMLElement>('.project-entry[data-entry-id]') : null;
  return entry && view.dom.contains(entry) ? (entry.dataset.entryId ?? null) : null;
}

/**
 * Every entry names the tooltip while it is the active one; in a read-only document the entries
 * are focusable, so a keyboard reaches the authors of each without a caret.
 */
function attributionDecorations(doc: PMNode, active: string | null, editable: boolean): Decoration[] {
  const list: Decoration[] = [];
  // The common case (typing, nothing hovered) walks nothing.
  if (editable && active === null) return list;
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.projectEntry) return node.isBlock;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : null;
    const attrs: Record<string, string> = {};
    if (!editable) attrs.tabindex = '0';
    if (id !== null && id === active) attrs['aria-describedby'] = ATTRIBUTION_TIP_ID;
    if (Object.keys(attrs).length > 0) list.push(Decoration.node(pos, pos + node.nodeSize, attrs));
    return false;
  });
  return list;
}

/**
 * The history in the document: the comparison's marks and the entry whose authors are shown.
 * The store is shared with the panel and the tooltip; a change there redraws the decorations.
 */
export const HistoryMarks = Extension.create<{ store: HistoryStore | null }>({
  name: 'historyMarks',
  addOptions: () => ({ store: null }),
  addProseMirrorPlugins() {
    const { store } = this.options;
    if (!store) return [];
    // The view's editability, which decorations (computed from the state alone) cannot see.
    let editable = true;
    // The entry whose tip Escape closed: the caret resting in it does not bring the tip back.
    let dismissed: string | null = null;
    return [
      new Plugin({
        key: historyMarksKey,
        view(view) {
          // Redrawn after the store changed; not inside the change, which may come from an update.
          const redraw = () => queueMicrotask(() => view.isDestroyed || view.dispatch(view.state.tr.setMeta(historyMarksKey, true)));
          const unsubscribe = store.subscribe(redraw);
          editable = view.editable;
          return {
            update(current) {
              if (current.editable !== editable) {
                editable = current.editable;
                redraw();
              }
              // Not from the selection before a click: the redraw would put the caret back there.
              // ProseMirror reads the clicked caret next and updates again.
              if (caretUnread(current)) return;
              const active = store.get().active;
              const caret = current.editable && current.hasFocus() ? entryIdAtCaret(current.state) : null;
              if (caret !== dismissed) dismissed = null;
              if (caret !== null && caret !== dismissed) store.setActive({ entryId: caret, via: 'caret' });
              else if (active?.via === 'caret') store.setActive(null);
            },
            destroy: unsubscribe,
          };
        },
        props: {
          decorations(state) {
            const { comparison, active } = store.get();
            const compared = comparison ? compareDecorations(state.doc, comparison.diff, comparison.key) : DecorationSet.empty;
            return compared.add(state.doc, attributionDecorations(state.doc, active?.entryId ?? null, editable));
          },
          handleDOMEvents: {
            mouseover(view, event) {
              const id = entryIdOf(event.target, view);
              if (id !== null) store.setActive({ entryId: id, via: 'hover' });
              return false;
            },
            mouseout(view, event) {
              const stillIn = entryIdOf(event.relatedTarget, view);
              if (store.get().active?.via === 'hover' && stillIn === null) store.setActive(null);
              return false;
            },
            focusin(view, event) {
              const id = event.target instanceof HTMLElement && event.target.classList.contains('project-entry') ? entryIdOf(event.target, view) : null;
              if (id !== null) store.setActive({ entryId: id, via: 'focus' });
              return false;
            },
            focusout() {
              const active = store.get().active;
              if (active?.via === 'focus' || active?.via === 'caret') store.setActive(null);
              return false;
            },
            keydown(_view, event: KeyboardEvent) {
              // Escape dismisses the tooltip without moving (WCAG 1.4.13).
              const active = store.get().active;
              if (event.key !== 'Escape' || !active) return false;
              dismissed = active.entryId;
              store.setActive(null);
              return false;
            },
          },
        },
      }),
    ];
  },
});
