import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { COMMENTS_ROOT, type CommentThread } from '../../../shared/comments/types.js';
import { projectListFromBody } from '../../../shared/editor/body.js';
import { BODY_FIELD } from '../../../shared/editor/schema.js';
import { COMMENTS_TOGGLE_ID } from '../comments/CommentsToggle.js';

/** What still stands in the way of a release: open comment threads and an empty §5. */
export interface OpenPoints {
  threads: { id: string; entryTitle: string }[];
  projectCount: number;
}

function read(ydoc: Y.Doc): OpenPoints {
  const threads = [...ydoc.getMap<CommentThread>(COMMENTS_ROOT).values()]
    .filter((thread) => thread.status === 'open')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((thread) => ({ id: thread.id, entryTitle: thread.entryTitle }));
  const groups = projectListFromBody(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FIELD)) as JSONContent);
  // Counted as the server counts (server/commands/signoff.ts): entries with a title.
  const projectCount = groups.reduce((n, group) => n + group.entries.filter((entry) => entry.title.trim() !== '').length, 0);
  return { threads, projectCount };
}

/**
 * The open points of a release, live from the Y.Doc, for the release dialog. The server decides
 * again when it releases; this only lets the person see them before deciding. Read only while
 * `active` (the dialog is open): converting the body is not free on every keystroke.
 */
/** The open points, read lazily and forgotten on every change of the document. */
function openPointsStore(ydoc: Y.Doc) {
  let current: OpenPoints | null = null;
  return {
    subscribe(listener: () => void) {
      const changed = () => {
        current = null;
        listener();
      };
      ydoc.on('update', changed);
      return () => ydoc.off('update', changed);
    },
    get: () => (current ??= read(ydoc)),
  };
}

export function useOpenPoints(ydoc: Y.Doc, active: boolean): OpenPoints | null {
  // A fresh store each time the dialog opens: while it was closed, nothing kept the cache current.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => openPointsStore(ydoc), [ydoc, active]);
  const points = useSyncExternalStore(active ? store.subscribe : noSubscription, active ? store.get : nothing);
  return points;
}

const noSubscription = () => () => undefined;
const nothing = () => null;

/** Brings a comment thread into view and gives it the focus (it becomes the active thread). */
export function focusThread(threadId: string): void {
  // A collapsed comment panel opens first (its toggle, client/src/comments/CommentsToggle.tsx),
  // then the card can take the focus once it is rendered.
  const toggle = document.getElementById(COMMENTS_TOGGLE_ID);
  if (toggle?.getAttribute('aria-expanded') === 'false') {
    toggle.click();
    requestAnimationFrame(() => requestAnimationFrame(() => focusThread(threadId)));
    return;
  }
  const card = document.querySelector<HTMLElement>(`.thread[data-thread-id="${CSS.escape(threadId)}"]`);
  if (!card) return;
  card.scrollIntoView({ block: 'center' });
  card.focus();
}
