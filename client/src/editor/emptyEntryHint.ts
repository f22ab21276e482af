import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NODE } from '../../../shared/editor/nodes.js';

/** An empty project shows a grey hint (via CSS ::before) so that it does not look like a stray bullet. */
export const EmptyEntryHint = Extension.create({
  name: 'emptyEntryHint',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('emptyEntryHint'),
        props: {
          decorations: (state) => {
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (node.type.name === NODE.projectEntry) {
                if (node.content.size === 0) {
                  decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty', 'data-hint': 'Projekttitel eingeben' }));
                }
                return false;
              }
              return node.type.name === NODE.projectList || node.type.name === NODE.measureGroup;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
