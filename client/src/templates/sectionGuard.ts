import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { isRemoteChange } from '../../../shared/editor/lock.js';

/** The blockIds of the document's sections, in order: "title,praeambel,p1,…". */
export function sectionSequence(doc: PMNode): string {
  const ids: string[] = [];
  doc.forEach((section) => ids.push(String(section.attrs.blockId)));
  return ids.join(',');
}

/**
 * Keeps a user's own edits inside the sections: a selection across § 1 and § 2 deleted with
 * Backspace would otherwise merge them. The server checks the same on publishing; remote
 * changes (y-sync) pass, so the editor never disagrees with the shared document.
 */
export function sectionGuardPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('templateSectionGuard'),
    filterTransaction: (tr, state) => !tr.docChanged || isRemoteChange(tr) || sectionSequence(tr.doc) === sectionSequence(state.doc),
  });
}

export const SectionGuard = Extension.create({
  name: 'templateSectionGuard',
  addProseMirrorPlugins: () => [sectionGuardPlugin()],
});
