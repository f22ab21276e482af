import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { AgreementStatus, ReleaseInfo, SignatureInfo } from '../../shared/api.js';
import { STATUS_LABELS } from '../../shared/api.js';
import { placeAndDate, renderBlock } from '../../shared/agreementText.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import type { AgreementFields, SignatoryBlock } from '../../shared/fields.js';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import { PARTY_LABELS } from '../../shared/signoff.js';
import { PAPER_NOTE } from '../../shared/paper/types.js';
import { BLOCKS_AFTER_LIST, BLOCKS_BEFORE_LIST, type BlockId, type Piece, type Template } from '../../shared/template/types.js';

/** The fonts come from an npm package and are embedded (subset) in every PDF; never a system font. */
const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff'),
  bold: require.resolve('@fontsource/arimo/files/arimo-latin-700-normal.woff'),
  italic: require.resolve('@fontsource/arimo/files/arimo-latin-400-italic.woff'),
};

export interface PdfInput {
  id: string;
  title: string;
  template: Template;
  fields: AgreementFields;
  groups: ProjectListModel;
  status: AgreementStatus;
  release: ReleaseInfo | null;
  signatures: SignatureInfo[];
}

// A4 in points, margins of about 2.5 cm left and 2 cm elsewhere (DIN 5008 leaves room to file).
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 57, bottom: 72, left: 71, right: 57 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 11;
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

function centred(doc: Doc, text: string, size: number, bold = true, gapAfter = 4) {
  doc.font(bold ? 'bold' : 'regular').fontSize(size).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(gapAfter / size);
}

function piece(doc: Doc, p: Piece) {
  const plain = p.runs.map((r) => r.text).join('');
  switch (p.kind) {
    case 'letterhead': {
      const [first = '', second = '', tagline = ''] = plain.split('\n');
      const x = PAGE.width - MARGIN.right - 200;
      doc.font('bold').fontSize(16).fillColor('#1f3f77').text(`${first}\n${second}`, x, MARGIN.top, { width: 200, align: 'right', lineGap: -2 });
      doc.font('regular').fontSize(8.5).fillColor(GREY).text(tagline, x, doc.y + 2, { width: 200, align: 'right' });
      doc.fillColor('black').moveDown(3);
      return;
    }
    case 'title':
      return centred(doc, plain, 22, true, 14);
    case 'titleLine':
      return centred(doc, plain, 12, true, 6);
    case 'sectionNumber':
      // Keep a section's number and heading with its first lines.
      if (doc.y > PAGE.height - MARGIN.bottom - 110) doc.addPage();
      doc.moveDown(0.6);
      return centred(doc, plain, 12, true, 2);
    case 'heading':
      if (plain === 'Präambel') doc.moveDown(1);
      return centred(doc, plain, 12, true, 8);
    case 'subheading':
      doc.font('bold').fontSize(BODY_SIZE).text(plain, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.3);
      return;
    case 'amount':
      return centred(doc, plain, 12, true, 8);
    case 'text': {
      const runs = p.runs;
      runs.forEach((run, i) => {
        doc.font(run.bold ? 'bold' : 'regular').fontSize(BODY_SIZE);
        // pdfkit justifies a line that continues into another run badly; such paragraphs are set ragged.
        const options = { width: CONTENT_WIDTH, align: runs.length > 1 ? ('left' as const) : ('justify' as const), lineGap: 2, continued: i < runs.length - 1 };
        if (i === 0) doc.text(run.text, MARGIN.left, doc.y, options);
        else doc.text(run.text, options);
      });
      doc.moveDown(0.6);
      return;
    }
  }
}

function blocks(doc: Doc, input: PdfInput, ids: readonly BlockId[]) {
  for (const id of ids) for (const p of renderBlock(input.template, id, input.fields)) piece(doc, p);
}

function projectList(doc: Doc, groups: ProjectListModel) {
  for (const group of groups) {
    doc.font('bold').fontSize(BODY_SIZE).text(MEASURE_TYPES[group.measureType], MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1 });
    doc.moveDown(0.25);
    for (const entry of group.entries) {
      const y = doc.y;
      doc.font('regular').fontSize(BODY_SIZE).text('•', MARGIN.left + 12, y, { lineBreak: false });
      doc.text(entry.title, MARGIN.left + 28, y, { width: CONTENT_WIDTH - 28, lineGap: 1 });
    }
    doc.moveDown(0.6);
  }
}

const SIGNATURE_HEIGHT = 190;

/** One signature block: place and date, the space for the signature with its mark, a line, name and function. */
function signatureBlock(doc: Doc, block: SignatoryBlock, x: number, top: number, width: number, signed: boolean, onPaper: boolean) {
  doc.font('regular').fontSize(BODY_SIZE).fillColor('black').text(placeAndDate(block), x, top, { width });
  const lineY = top + 70;
  if (block.signatureMark) {
    // The electronic mark in two lines ("elektronisch unterzeichnet" / "SHA-256 …"), a facsimile in one.
    const mark = signed ? block.signatureMark.replace(' · ', '\n') : block.signatureMark;
    doc.font('italic').fontSize(signed ? 9 : 13).fillColor(signed ? '#1f3f77' : 'black').text(mark, x, lineY - (signed ? 28 : 20), { width });
  }
  doc.moveTo(x, lineY).lineTo(x + width - 10, lineY).lineWidth(0.5).strokeColor('black').stroke();
  doc.font('regular').fontSize(BODY_SIZE).fillColor('black').text([block.name, ...block.functionLines].join('\n'), x, lineY + 6, { width, lineGap: 1 });
  // Recorded from a paper original: said beside the block, so nobody takes it for a signature made here.
  if (onPaper) doc.font('italic').fontSize(9).fillColor(GREY).text(PAPER_NOTE, x, doc.y + 4, { width }).fillColor('black');
}

function signatureBlocks(doc: Doc, input: PdfInput) {
  if (doc.y + SIGNATURE_HEIGHT > PAGE.height - MARGIN.bottom) doc.addPage();
  const top = doc.y + 24;
  const half = CONTENT_WIDTH / 2;
  const of = (party: 'ministry' | 'district') => input.signatures.find((s) => s.party === party);
  const electronic = (party: 'ministry' | 'district') => of(party) !== undefined && of(party)?.paper !== true;
  const onPaper = (party: 'ministry' | 'district') => of(party)?.paper === true;
  signatureBlock(doc, input.fields.ministrySignatory, MARGIN.left, top, half, electronic('ministry'), onPaper('ministry'));
  signatureBlock(doc, input.fields.districtSignatory, MARGIN.left + half + 10, top, half - 10, electronic('district'), onPaper('district'));
  doc.x = MARGIN.left;
  doc.y = top + SIGNATURE_HEIGHT - 20;
}

/** The record that lets anyone check a printed copy: hash, signers, dates. */
function signoffRecord(doc: Doc, input: PdfInput) {
  if (!input.release) return;
  if (doc.y + 170 > PAGE.height - MARGIN.bottom) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  doc.moveTo(MARGIN.left, top).lineTo(PAGE.width - MARGIN.right, top).lineWidth(0.5).strokeColor(GREY).stroke();
  doc.y = top + 8;
  const paper = input.signatures.length > 0 && input.signatures.every((s) => s.paper === true);
  const heading = paper ? 'Auf Papier unterzeichnet' : input.status === 'final' ? 'Unterzeichnungsnachweis' : 'Zur Zeichnung freigegeben';
  doc.font('bold').fontSize(10).fillColor('black').text(heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  const line = (label: string, value: string, mono = false) => {
    doc.font('bold').fontSize(8.5).text(`${label}: `, MARGIN.left, doc.y, { width: CONTENT_WIDTH, continued: true });
    doc.font(mono ? 'regular' : 'regular').text(value);
  };
  line(paper ? 'Vom Papier erfasst' : 'Freigegeben', formatDateTime(input.release.releasedAt));
  line(paper ? 'SHA-256 der Abschrift' : 'SHA-256 des freigegebenen Textes', input.release.hash, true);
  for (const s of input.signatures) {
    if (s.paper) line(`${PAPER_NOTE} (${PARTY_LABELS[s.party]})`, `${s.name}, ${s.place}, ${s.date ? formatDate(s.date) : 'ohne Datum'}`);
    else line(`Unterzeichnet (${PARTY_LABELS[s.party]})`, `${s.name}, ${s.place}, ${formatDate(s.date)} (Serverzeit ${formatDateTime(s.signedAt)})`);
  }
  doc.moveDown(0.4);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(GREY)
    .text(
      paper
        ? 'Diese Vereinbarung wurde auf Papier unterzeichnet; das Ministerium hat sie mit Orten, Daten und Namen wie auf dem Papier erfasst und den unterschriebenen Scan angehängt. Der Prüfwert ist der SHA-256 der Abschrift (ohne Ort-, Datums- und Zeichnungsangaben), abrufbar unter /api/agreements/' +
            input.id +
            '/released-text. Maßgeblich ist das Papier.'
        : 'Einfache elektronische Signatur mit Prüfpfad (vereinbar). Der Prüfwert ist der SHA-256 des bei der Freigabe eingefrorenen Textes in UTF-8 (NFC, Zeilenenden \\n), mit leeren Ort-, Datums- und Zeichnungsangaben; der Text ist unter /api/agreements/' +
        input.id +
        '/released-text abrufbar. Beide Unterschriften tragen denselben Prüfwert.',
      MARGIN.left,
      doc.y,
      { width: CONTENT_WIDTH, lineGap: 1 },
    );
  doc.fillColor('black');
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
    if (input.status === 'draft') watermark(doc);
    const y = PAGE.height - 45;
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(`${input.title} · ${STATUS_LABELS[input.status]}`, MARGIN.left, y, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
    doc.text(`Seite ${i + 1} von ${range.count}`, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/** The agreement as an A4 PDF, laid out like the printed reference; no browser involved. */
export function renderAgreementPdf(input: PdfInput): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: FONT.regular,
    lang: 'de-DE',
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
  doc.font('regular');
  blocks(doc, input, BLOCKS_BEFORE_LIST);
  projectList(doc, input.groups);
  blocks(doc, input, BLOCKS_AFTER_LIST);
  signatureBlocks(doc, input);
  signoffRecord(doc, input);
  footers(doc, input);
  doc.end();
  return done;
}
