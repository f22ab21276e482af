import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { sectionGuardPlugin, sectionSequence } from '../../client/src/templates/sectionGuard.js';
import { AQB_2024_CONTENT } from '../../shared/template/aqb2024.js';
import { templateSchema } from '../../shared/template/editorNodes.js';
import { BLOCK_IDS } from '../../shared/template/types.js';

const schema = templateSchema();

function draftState(): EditorState {
  return EditorState.create({ schema, doc: schema.nodeFromJSON(AQB_2024_CONTENT), plugins: [sectionGuardPlugin()] });
}

/** Start and end of a section's content, by its blockId. */
function sectionRange(doc: PMNode, blockId: string): { pos: number; from: number; to: number } {
  let found: { pos: number; from: number; to: number } | null = null;
  doc.forEach((section, pos) => {
    if (section.attrs.blockId === blockId) found = { pos, from: pos + 1, to: pos + 1 + section.content.size };
  });
  if (!found) throw new Error(`no section ${blockId}`);
  return found;
}

describe('the template editor keeps its sections', () => {
  it('lets a user write inside a section', () => {
    const state = draftState();
    const p3 = sectionRange(state.doc, 'p3');
    const next = state.apply(state.tr.insertText(' Ein neuer Satz.', p3.to - 1));
    expect(next.doc.textContent).toContain('Ein neuer Satz.');
    expect(sectionSequence(next.doc)).toBe(BLOCK_IDS.join(','));
  });

  it('refuses a deletion across § 1 and § 2, which would merge them', () => {
    const state = draftState();
    const tr = state.tr.delete(sectionRange(state.doc, 'p1').to - 3, sectionRange(state.doc, 'p2').from + 3);
    expect(sectionSequence(tr.doc)).not.toBe(BLOCK_IDS.join(','));
    expect(state.applyTransaction(tr).state.doc.eq(state.doc)).toBe(true);
  });

  it('refuses removing a whole section', () => {
    const state = draftState();
    const p6 = sectionRange(state.doc, 'p6');
    const tr = state.tr.delete(p6.pos, p6.to + 1);
    expect(state.applyTransaction(tr).state.doc.eq(state.doc)).toBe(true);
  });

  it('lets a remote change through, so the editor never disagrees with the shared document', () => {
    const state = draftState();
    const p6 = sectionRange(state.doc, 'p6');
    const tr = state.tr.delete(p6.pos, p6.to + 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(sectionSequence(state.applyTransaction(tr).state.doc)).not.toContain('p6');
  });
});
