import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/nodes.js';
import type { PlacedThread, ThreadsStore } from './threadsStore.js';

export const commentHighlightsKey = new PluginKey<null>('commentHighlights');

export interface HighlightOptions {
  store: ThreadsStore | null;
  /** Whether resolved threads are shown (and so highlighted). */
  showResolved: () => boolean;
  activeThread: () => string | null;
}

/** Positions of the §5 entries by id: where each entry node starts. */
function entryPositions(doc: PMNode): Map<string, { pos: number; node: PMNode }> {
  const found = new Map<string, { pos: number; node: PMNode }>();
  doc.descendants((node, pos) => {
    if (node.type.name === NODE.projectEntry) {
      if (typeof node.attrs.id === 'string') found.set(node.attrs.id, { pos, node });
      return false;
    }
    return node.type.name === NODE.projectList || node.type.name === NODE.measureGroup;
  });
  return found;
}

function decorations(doc: PMNode, threads: PlacedThread[], options: HighlightOptions): DecorationSet {
  const entries = entryPositions(doc);
  const active = options.activeThread();
  const perEntry = new Map<string, { open: number; active: boolean }>();
  const list: Decoration[] = [];
  for (const placed of threads) {
    const { thread } = placed;
    if (placed.entryDeleted || (thread.status !== 'open' && !options.showResolved())) continue;
    const entry = entries.get(thread.entryId);
    if (!entry) continue;
    const mark = perEntry.get(thread.entryId) ?? { open: 0, active: false };
    if (thread.status === 'open') mark.open++;
    if (thread.id === active) mark.active = true;
    perEntry.set(thread.entryId, mark);
    if (placed.passage) {
      const from = entry.pos + 1 + placed.passage.from;
      const to = Math.min(entry.pos + 1 + placed.passage.to, entry.pos + entry.node.nodeSize - 1);
      if (from < to) list.push(Decoration.inline(from, to, { class: `comment-passage${thread.id === active ? ' is-active' : ''}`, 'data-thread-id': thread.id }));
    }
  }
  for (const [id, mark] of perEntry) {
    const entry = entries.get(id);
    if (!entry) continue;
    const label = mark.open === 0 ? 'Kommentare erledigt' : mark.open === 1 ? '1 offener Kommentar' : `${mark.open} offene Kommentare`;
    list.push(
      Decoration.node(entry.pos, entry.pos + entry.node.nodeSize, {
        class: `has-comments${mark.active ? ' is-comment-active' : ''}`,
        'data-open-comments': String(mark.open),
        title: label,
      }),
    );
  }
  return DecorationSet.create(doc, list);
}

/**
 * Marks the entries that have threads (with the number of open ones) and highlights anchored
 * passages. The threads live outside ProseMirror; a transaction with this plugin's meta redraws.
 */
export const CommentHighlights = Extension.create<HighlightOptions>({
  name: 'commentHighlights',
  addOptions: () => ({ store: null, showResolved: () => false, activeThread: () => null }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: commentHighlightsKey,
        props: {
          decorations: (state) => (options.store ? decorations(state.doc, options.store.get(), options) : DecorationSet.empty),
        },
      }),
    ];
  },
});
