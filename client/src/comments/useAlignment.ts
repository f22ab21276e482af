import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, type RefObject } from 'react';

const GAP = 8;

/**
 * Places each thread next to its entry, wherever the panel is open (beside the sheet, or as the
 * tablet's drawer over it): as high as the entry, but never over the thread above
 * (Google Docs does the same). Threads of deleted entries follow the others. Runs after every
 * render, on every document change and on resizing.
 */
export function useAlignment(editor: Editor, list: RefObject<HTMLOListElement | null>, deps: unknown[]): void {
  useLayoutEffect(() => layout(editor, list.current));
  useEffect(() => {
    const relayout = () => layout(editor, list.current);
    editor.on('transaction', relayout);
    window.addEventListener('resize', relayout);
    const observer = new ResizeObserver(relayout);
    observer.observe(editor.view.dom);
    if (list.current) observer.observe(list.current);
    return () => {
      editor.off('transaction', relayout);
      window.removeEventListener('resize', relayout);
      observer.disconnect();
    };
  }, [editor, list, ...deps]);
}

function layout(editor: Editor, list: HTMLOListElement | null): void {
  if (!list || editor.isDestroyed) return;
  // A collapsed panel has no boxes to measure; opening it resizes the list, which lays out again.
  // Beside the sheet and as a drawer over it alike, the panel spans the sheet's height.
  if (list.offsetParent === null) return;
  const slots = [...list.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
  list.classList.add('is-aligned');
  const origin = list.getBoundingClientRect().top;
  let cursor = 0;
  for (const slot of slots) {
    const entryId = slot.dataset.entryId;
    const entry = entryId ? editor.view.dom.querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`) : null;
    const wanted = entry ? entry.getBoundingClientRect().top - origin : cursor;
    const top = Math.max(wanted, cursor);
    slot.style.top = `${Math.round(top)}px`;
    cursor = top + slot.offsetHeight + GAP;
  }
  list.style.height = `${Math.ceil(cursor)}px`;
}
