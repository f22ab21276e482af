import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkTemplateTransaction } from '../../server/templates/draftGuard.js';
import { readTemplateContent, seedTemplateDoc } from '../../server/templates/draftDoc.js';
import { AQB_2024_CONTENT } from '../../shared/template/aqb2024.js';
import { canonicalContent } from '../../shared/template/canonical.js';
import { TEMPLATE_FRAGMENT } from '../../shared/template/model.js';

/** The draft's lock rules in-process: what a ministry editor's editor writes passes, the rest does not. */
function attempt(change: (doc: Y.Doc) => void): { problem: string | null; doc: Y.Doc } {
  const doc = seedTemplateDoc(AQB_2024_CONTENT, 'draft');
  let problem: string | null = 'not checked';
  doc.once('afterTransaction', (transaction: Y.Transaction) => {
    problem = checkTemplateTransaction(transaction, doc);
  });
  doc.transact(() => change(doc));
  return { problem, doc };
}

const piece = (doc: Y.Doc, sectionIndex: number, pieceIndex: number) =>
  (doc.getXmlFragment(TEMPLATE_FRAGMENT).get(sectionIndex) as Y.XmlElement).get(pieceIndex) as Y.XmlElement;

describe('the lock rules of a template draft', () => {
  it('lets an editor type, format bold, break a line and insert a placeholder', () => {
    const { problem, doc } = attempt((d) => {
      const text = piece(d, 4, 2).get(0) as Y.XmlText;
      // y-prosemirror stores a mark as a formatting attribute holding the mark's attrs.
      text.insert(0, 'Neu: ', { bold: {} });
      const placeholder = new Y.XmlElement('placeholder');
      placeholder.setAttribute('key', 'year');
      placeholder.setAttribute('upper', false as unknown as string);
      piece(d, 4, 2).insert(0, [placeholder, new Y.XmlElement('hardBreak')]);
    });
    expect(problem).toBeNull();
    const p3 = canonicalContent(readTemplateContent(doc)).content?.[4]?.content?.[2]?.content ?? [];
    expect(p3.slice(0, 4)).toEqual([
      { type: 'placeholder', attrs: { key: 'year', upper: false } },
      { type: 'hardBreak' },
      { type: 'text', marks: [{ type: 'bold' }], text: 'Neu: ' },
      { type: 'text', text: 'Die Integration in das Erwerbsleben stellt aus der Sicht ' },
    ]);
  });

  it('lets an editor add and remove paragraphs inside a block', () => {
    const paragraph = new Y.XmlElement('templatePiece');
    paragraph.setAttribute('kind', 'text');
    paragraph.insert(0, [new Y.XmlText('Ein weiterer Absatz.')]);
    expect(attempt((d) => (d.getXmlFragment(TEMPLATE_FRAGMENT).get(4) as Y.XmlElement).insert(3, [paragraph])).problem).toBeNull();
    expect(attempt((d) => (d.getXmlFragment(TEMPLATE_FRAGMENT).get(3) as Y.XmlElement).delete(3, 1)).problem).toBeNull();
  });

  it('refuses a block without paragraphs, a paragraph of an unknown kind and italic text', () => {
    expect(attempt((d) => (d.getXmlFragment(TEMPLATE_FRAGMENT).get(4) as Y.XmlElement).delete(0, 3)).problem).toMatch(/invalid template document/);
    expect(attempt((d) => piece(d, 4, 2).setAttribute('kind', 'footnote')).problem).toMatch(/invalid template document/);
    expect(attempt((d) => (piece(d, 4, 2).get(0) as Y.XmlText).format(0, 4, { italic: true })).problem).toMatch(/invalid template document/);
  });
});
