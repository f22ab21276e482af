import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { ThreadsStore } from './threadsStore.js';
import type { CommentsPanel } from './useCommentsPanel.js';

export const COMMENTS_PANEL_ID = 'comments-panel';
export const COMMENTS_TITLE_ID = 'comments-panel-title';
export const COMMENTS_TOGGLE_ID = 'comments-toggle';

/** Back to the toggle, e.g. when Escape closes the drawer. */
export function focusCommentsToggle(): void {
  document.getElementById(COMMENTS_TOGGLE_ID)?.focus();
}

/**
 * The panel's head sticks just below the editor bar, which wraps to two or three rows on narrow
 * screens: its height goes into `--editor-bar-height` (comments.css).
 */
function useEditorBarHeight(inside: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = inside.current?.closest<HTMLElement>('.editor-bar');
    if (!bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--editor-bar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--editor-bar-height');
    };
  }, [inside]);
}

/**
 * „Kommentare (N)“ in the editor bar: shows and hides the comment panel; N counts the open threads.
 * Opened as a drawer (tablet), the focus moves into the panel so that a keyboard user lands there.
 */
export function CommentsToggle({ panel, store }: { panel: CommentsPanel; store: ThreadsStore }) {
  const placed = useSyncExternalStore(store.subscribe, store.get);
  const openThreads = placed.filter((p) => p.thread.status === 'open').length;
  const button = useRef<HTMLButtonElement>(null);
  useEditorBarHeight(button);
  const toggle = () => {
    const next = !panel.open;
    panel.setOpen(next);
    if (next && !panel.beside) requestAnimationFrame(() => document.getElementById(COMMENTS_TITLE_ID)?.focus());
  };
  return (
    <button
      ref={button}
      type="button"
      id={COMMENTS_TOGGLE_ID}
      className="tool-button comments-toggle"
      aria-expanded={panel.open}
      aria-controls={COMMENTS_PANEL_ID}
      title={panel.open ? 'Kommentare ausblenden' : 'Kommentare einblenden'}
      onClick={toggle}
    >
      Kommentare ({openThreads})
    </button>
  );
}
