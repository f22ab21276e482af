import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../../shared/editor/nodes.js';
import type { ChangesSincePrevious } from '../../../../shared/rounds/types.js';

export const changeMarksKey = new PluginKey<null>('changeMarks');

/** The changes shown in §5 right now, or null while „Änderungen gegenüber …" is off. */
export interface ChangeMarksStore {
  get(): ChangesSincePrevious | null;
  set(changes: ChangesSincePrevious | null): void;
}

export function changeMarksStore(): ChangeMarksStore {
  let current: ChangesSincePrevious | null = null;
  return {
    get: () => current,
    set: (changes) => {
      current = changes;
    },
  };
}

type Kind = 'added' | 'renamed' | 'moved';

/** What each marked entry says about itself, in words: the mark is never colour alone. */
function marksById(changes: ChangesSincePrevious): Map<string, { kinds: Kind[]; label: string }> {
  const marks = new Map<string, { kinds: Kind[]; labels: string[] }>();
  const add = (id: string, kind: Kind, label: string) => {
    const mark = marks.get(id) ?? { kinds: [], labels: [] };
    mark.kinds.push(kind);
    mark.labels.push(label);
    marks.set(id, mark);
  };
  for (const entry of changes.added) add(entry.id, 'added', 'neu');
  for (const entry of changes.renamed) add(entry.id, 'renamed', `umbenannt, vorher „${entry.from}“`);
  for (const entry of changes.moved) add(entry.id, 'moved', `andere Maßnahmenart (vorher ${entry.fromMeasureType})`);
  return new Map([...marks].map(([id, mark]) => [id, { kinds: mark.kinds, label: mark.labels.join(' · ') }]));
}

/** One node decoration per changed entry of the document, by entry id. */
export function changeDecorations(doc: PMNode, changes: ChangesSincePrevious): DecorationSet {
  const marks = marksById(changes);
  const list: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === NODE.projectEntry) {
      const mark = typeof node.attrs.id === 'string' ? marks.get(node.attrs.id) : undefined;
      if (mark) {
        const attrs = {
          class: `entry-change ${mark.kinds.map((kind) => `entry-${kind}`).join(' ')}`,
          'data-change': mark.label,
          title: `Gegenüber dem Vorjahr: ${mark.label}`,
        };
        // The spec says in data what the mark says in words, for whoever reads the decorations (the unit tests).
        list.push(Decoration.node(pos, pos + node.nodeSize, attrs, { kinds: mark.kinds, label: mark.label }));
      }
      return false;
    }
    return node.type.name === NODE.projectList || node.type.name === NODE.measureGroup || node.isBlock;
  });
  return DecorationSet.create(doc, list);
}

/**
 * Marks §5 entries that are new, renamed or moved since last year, found by entry id (the lineage
 * the server computed), never by comparing titles. Redrawn by any transaction, e.g. one with
 * this plugin's meta after the store changed.
 */
export const ChangeMarks = Extension.create<{ store: ChangeMarksStore | null }>({
  name: 'changeMarks',
  addOptions: () => ({ store: null }),
  addProseMirrorPlugins() {
    const { store } = this.options;
    return [
      new Plugin({
        key: changeMarksKey,
        props: {
          decorations: (state) => {
            const changes = store?.get() ?? null;
            return changes ? changeDecorations(state.doc, changes) : DecorationSet.empty;
          },
        },
      }),
    ];
  },
});
