import * as Y from 'yjs';
import { entryTextType, entryTitles, resolvePassage, type ResolvedPassage } from '../../../shared/comments/anchor.js';
import { COMMENTS_ROOT, type CommentThread } from '../../../shared/comments/types.js';
import { BODY_FIELD } from '../../../shared/editor/schema.js';

/** A thread as the sidebar shows it: where its entry is now, or that it is gone. */
export interface PlacedThread {
  thread: CommentThread;
  /** The entry's current title, or its last one when deleted. */
  entryTitle: string;
  entryDeleted: boolean;
  /** Index of the entry in document order (deleted entries sort last). */
  order: number;
  /** The passage's character range in the entry now; null for the whole entry or when it is gone. */
  passage: ResolvedPassage | null;
}

export interface ThreadsStore {
  get(): PlacedThread[];
  subscribe(listener: () => void): () => void;
  ydoc: Y.Doc;
}

function isThread(value: unknown): value is CommentThread {
  return typeof value === 'object' && value !== null && 'id' in value && 'entryId' in value && Array.isArray((value as { comments?: unknown }).comments);
}

function place(ydoc: Y.Doc): PlacedThread[] {
  const titles = entryTitles(ydoc);
  const order = new Map([...titles.keys()].map((id, index) => [id, index]));
  const placed = [...ydoc.getMap<unknown>(COMMENTS_ROOT).values()].filter(isThread).map((thread): PlacedThread => {
    const title = titles.get(thread.entryId);
    const type = title === undefined ? null : entryTextType(ydoc, thread.entryId);
    return {
      thread,
      entryTitle: title ?? thread.entryTitle,
      entryDeleted: title === undefined,
      order: order.get(thread.entryId) ?? Number.MAX_SAFE_INTEGER,
      passage: type && thread.passage ? resolvePassage(ydoc, type, thread.passage) : null,
    };
  });
  return placed.sort((a, b) => a.order - b.order || (a.passage?.from ?? -1) - (b.passage?.from ?? -1) || a.thread.createdAt - b.thread.createdAt);
}

/**
 * The threads from Y.Map "comments" (written only by the server), placed at their entries. It
 * follows the body too: an edited, moved or deleted entry moves or relabels its threads.
 */
export function threadsStore(ydoc: Y.Doc): ThreadsStore {
  let current = place(ydoc);
  const listeners = new Set<() => void>();
  const refresh = () => {
    current = place(ydoc);
    for (const listener of listeners) listener();
  };
  ydoc.getMap(COMMENTS_ROOT).observe(refresh);
  ydoc.getXmlFragment(BODY_FIELD).observeDeep(refresh);
  return {
    ydoc,
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
