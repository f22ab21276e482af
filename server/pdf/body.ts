import { renderBlock } from '../../shared/agreementText.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import type { AgreementFields } from '../../shared/fields.js';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import type { BlockId, Piece, Template } from '../../shared/template/types.js';
import { BODY_SIZE, CONTENT_BOTTOM, CONTENT_WIDTH, GREY, MARGIN, PAGE, SECTION_NUMBER_LETTER_SPACING, tagged, type Doc, type Struct } from './layout.js';

/**
 * The agreement's text as tagged PDF content: the title is H1, a section (number and heading) H2,
 * a subheading H3, paragraphs P, the §5 projects a list L of LI with label and body.
 */
const plain = (p: Piece) => p.runs.map((r) => r.text).join('');

function centred(doc: Doc, text: string, size: number, gapAfter: number, characterSpacing = 0) {
  doc.font('bold').fontSize(size).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'center', characterSpacing });
  doc.moveDown(gapAfter / size);
}

function paragraph(doc: Doc, p: Piece) {
  p.runs.forEach((run, i) => {
    doc.font(run.bold ? 'bold' : 'regular').fontSize(BODY_SIZE);
    // Ragged right (Flattersatz, DIN 5008), as on screen. Justified, pdfkit would draw the words
    // apart without their spaces, and the tagged text would read „DasHMSIverfolgt…".
    const options = { width: CONTENT_WIDTH, align: 'left' as const, lineGap: 2, continued: i < p.runs.length - 1 };
    if (i === 0) doc.text(run.text, MARGIN.left, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.moveDown(0.6);
}

/** The height a piece takes (an estimate on the safe side), to keep text with what follows it. */
export function pieceHeight(doc: Doc, p: Piece): number {
  const size = p.kind === 'text' || p.kind === 'subheading' ? BODY_SIZE : 12;
  doc.font(p.kind === 'text' ? 'regular' : 'bold').fontSize(size);
  return doc.heightOfString(plain(p), { width: CONTENT_WIDTH, lineGap: 2 }) + size * 1.2;
}

function piece(doc: Doc, parent: Struct, p: Piece, next: Piece | undefined): boolean {
  switch (p.kind) {
    case 'letterhead': {
      const [first = '', second = '', tagline = ''] = plain(p).split('\n');
      const x = PAGE.width - MARGIN.right - 200;
      tagged(doc, parent, 'P', () => {
        doc.font('bold').fontSize(16).fillColor('#1f3f77').text(`${first}\n${second}`, x, MARGIN.top, { width: 200, align: 'right', lineGap: -2 });
        doc.font('regular').fontSize(8.5).fillColor(GREY).text(tagline, x, doc.y + 2, { width: 200, align: 'right' });
      }, `${first} ${second}\n${tagline}`);
      doc.fillColor('black').moveDown(3);
      return false;
    }
    case 'title':
      tagged(doc, parent, 'H1', () => centred(doc, plain(p), 22, 14));
      return false;
    case 'titleLine':
    case 'amount':
      tagged(doc, parent, 'P', () => centred(doc, plain(p), 12, p.kind === 'amount' ? 8 : 6));
      return false;
    case 'sectionNumber': {
      // Keep a section's number and heading with its first lines; both are one H2 („§ 1 Gegenstand").
      if (doc.y > CONTENT_BOTTOM - 110) doc.addPage();
      doc.moveDown(0.6);
      const heading = next?.kind === 'heading' ? plain(next) : null;
      tagged(
        doc,
        parent,
        'H2',
        () => {
          centred(doc, plain(p), 12, 2, SECTION_NUMBER_LETTER_SPACING);
          if (heading !== null) centred(doc, heading, 12, 8);
        },
        heading === null ? undefined : `${plain(p)} ${heading}`,
      );
      return heading !== null;
    }
    case 'heading':
      if (plain(p) === 'Präambel') doc.moveDown(1);
      tagged(doc, parent, 'H2', () => centred(doc, plain(p), 12, 8));
      return false;
    case 'subheading':
      tagged(doc, parent, 'H3', () => {
        doc.font('bold').fontSize(BODY_SIZE).text(plain(p), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
        doc.moveDown(0.3);
      });
      return false;
    case 'text':
      tagged(doc, parent, 'P', () => paragraph(doc, p));
      return false;
  }
}

/** Draws pieces in order; a section number takes its heading with it. */
export function drawPieces(doc: Doc, parent: Struct, pieces: readonly Piece[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p && piece(doc, parent, p, pieces[i + 1])) i++;
  }
}

export function blockPieces(template: Template, fields: AgreementFields, ids: readonly BlockId[]): Piece[] {
  return ids.flatMap((id) => renderBlock(template, id, fields));
}

export function projectList(doc: Doc, parent: Struct, groups: ProjectListModel): void {
  for (const group of groups) {
    tagged(doc, parent, 'H3', () => {
      doc.font('bold').fontSize(BODY_SIZE).text(MEASURE_TYPES[group.measureType], MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1 });
      doc.moveDown(0.25);
    });
    if (group.entries.length === 0) continue;
    const items = group.entries.map((entry) => {
      let y = 0;
      return doc.struct('LI', {}, [
        doc.struct('Lbl', {}, () => {
          y = doc.y;
          doc.font('regular').fontSize(BODY_SIZE).text('•', MARGIN.left + 12, y, { lineBreak: false });
        }),
        doc.struct('LBody', {}, () => {
          doc.text(entry.title, MARGIN.left + 28, y, { width: CONTENT_WIDTH - 28, lineGap: 1 });
        }),
      ]);
    });
    parent.add(doc.struct('L', {}, items));
    doc.moveDown(0.6);
  }
}
