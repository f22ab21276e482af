import type { AgreementStatus, ReleaseInfo, SignatureInfo, SigningParty } from '../../shared/api.js';
import { STATUS_LABELS } from '../../shared/api.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import type { AgreementFields } from '../../shared/fields.js';
import { BLOCKS_AFTER_LIST, BLOCKS_BEFORE_LIST, type Template } from '../../shared/template/types.js';
import { blockPieces, drawPieces, pieceHeight, projectList } from './body.js';
import { artifact, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, GREY, MARGIN, PAGE, type Doc } from './layout.js';
import { SIGNATURE_HEIGHT, signatureBlocks, signoffRecord } from './signatures.js';

export interface PdfInput {
  id: string;
  title: string;
  template: Template;
  fields: AgreementFields;
  groups: ProjectListModel;
  status: AgreementStatus;
  release: ReleaseInfo | null;
  signatures: SignatureInfo[];
  /** Full address of the released text, printed in the record for anyone who checks a copy. */
  releasedTextUrl: string;
}

/** Drawn over the finished page, translucent, so that no text can hide it. */
function watermark(doc: Doc) {
  doc.save();
  doc.rotate(-50, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font('bold').fontSize(120).fillColor('#b0b0b0').fillOpacity(0.3);
  doc.text('Entwurf', 0, PAGE.height / 2 - 60, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').fillOpacity(1);
}

function footers(doc: Doc, input: PdfInput) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, () => {
      if (input.status === 'draft') watermark(doc);
      const y = PAGE.height - 45;
      doc.font('regular').fontSize(8).fillColor(GREY);
      doc.text(`${input.title} · ${STATUS_LABELS[input.status]}`, MARGIN.left, y, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
      doc.text(`Seite ${i + 1} von ${range.count}`, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/**
 * The agreement as a tagged A4 PDF (PDF/UA-style structure: headings, paragraphs, a list, German
 * as its language, the title shown), laid out like the printed reference; no browser involved.
 */
export async function renderAgreementPdf(input: PdfInput): Promise<Uint8Array> {
  // Loaded at the first PDF, not at start: pdfkit with its font engine is ≈ 4 MiB of source and
  // tables that a server which has not printed yet need not hold.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: FONT.regular,
    tagged: true,
    lang: 'de-DE',
    pdfVersion: '1.7',
    displayTitle: true,
    info: { Title: input.title, Author: input.template.ministry.name, Creator: 'vereinbar', Subject: STATUS_LABELS[input.status] },
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  doc.registerFont('italic', FONT.italic);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.font('regular');
  drawPieces(doc, root, blockPieces(input.template, input.fields, BLOCKS_BEFORE_LIST));
  projectList(doc, root, input.groups);
  const closing = blockPieces(input.template, input.fields, BLOCKS_AFTER_LIST.slice(0, -1));
  const last = blockPieces(input.template, input.fields, BLOCKS_AFTER_LIST.slice(-1));
  drawPieces(doc, root, closing);
  // German contract practice: the signatures never stand alone on a page. The last section is
  // short, so it moves to the next page with them whenever they would not fit after it.
  const lastHeight = last.reduce((sum, p) => sum + pieceHeight(doc, p), 0) + 24;
  if (doc.y + lastHeight + SIGNATURE_HEIGHT > CONTENT_BOTTOM) doc.addPage();
  drawPieces(doc, root, last);
  signatureBlocks(doc, root, input.fields.ministrySignatory, input.fields.districtSignatory, input.signatures);
  const partyFor: Record<SigningParty, string> = { ministry: input.template.ministry.nominative, district: input.fields.partner.accusative };
  signoffRecord(doc, root, { status: input.status, release: input.release, signatures: input.signatures, partyFor, releasedTextUrl: input.releasedTextUrl });
  root.end();
  footers(doc, input);
  doc.end();
  return done;
}
