import type { AgreementStatus, ReleaseInfo, SignatureInfo, SigningParty } from '../../shared/api.js';
import { placeAndDate } from '../../shared/agreementText.js';
import type { SignatoryBlock } from '../../shared/fields.js';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { PAPER_NOTE } from '../../shared/paper/types.js';
import { printedSignatory } from '../../shared/signoff.js';
import { artifact, BODY_SIZE, CONTENT_BOTTOM, CONTENT_WIDTH, GREY, MARGIN, PAGE, tagged, type Doc, type Struct } from './layout.js';

/** Height of the two signature blocks side by side, from place and date to the last function line. */
export const SIGNATURE_HEIGHT = 190;

/** One signature block: place and date, the space for the signature with its mark, a line, name and function. */
function signatureBlock(doc: Doc, parent: Struct, block: SignatoryBlock, signature: SignatureInfo | undefined, x: number, top: number, width: number) {
  const lineY = top + 70;
  tagged(doc, parent, 'P', () => doc.font('regular').fontSize(BODY_SIZE).fillColor('black').text(placeAndDate(block), x, top, { width }));
  if (block.signatureMark) {
    // The electronic mark in two lines ("elektronisch unterzeichnet" / "SHA-256 …"), a facsimile in one.
    const signed = signature !== undefined && signature.paper !== true;
    const mark = signed ? block.signatureMark.replace(' · ', '\n') : block.signatureMark;
    tagged(
      doc,
      parent,
      'P',
      () => doc.font('italic').fontSize(signed ? 9 : 13).fillColor(signed ? '#1f3f77' : 'black').text(mark, x, lineY - (signed ? 28 : 20), { width }),
      block.signatureMark,
    );
  }
  artifact(doc, () => doc.moveTo(x, lineY).lineTo(x + width - 10, lineY).lineWidth(0.5).strokeColor('black').stroke());
  // A paper signature is printed as the paper names its signatory (no deputy logic: the name is the one transcribed).
  const lines = printedSignatory(block, signature?.paper === true ? undefined : signature?.name);
  tagged(doc, parent, 'P', () => doc.font('regular').fontSize(BODY_SIZE).fillColor('black').text(lines.join('\n'), x, lineY + 6, { width, lineGap: 1 }), lines.join('\n'));
  // Recorded from a paper original: said beside the block, so nobody takes it for a signature made here.
  if (signature?.paper === true) tagged(doc, parent, 'P', () => doc.font('italic').fontSize(9).fillColor(GREY).text(PAPER_NOTE, x, doc.y + 4, { width }).fillColor('black'));
}

/** Both blocks; the caller has made sure they share a page with the end of § 7. */
export function signatureBlocks(doc: Doc, parent: Struct, ministry: SignatoryBlock, district: SignatoryBlock, signatures: readonly SignatureInfo[]) {
  if (doc.y + SIGNATURE_HEIGHT > CONTENT_BOTTOM) doc.addPage();
  const top = doc.y + 24;
  const half = CONTENT_WIDTH / 2;
  const of = (party: SigningParty) => signatures.find((s) => s.party === party);
  const section = doc.struct('Sect');
  parent.add(section);
  signatureBlock(doc, section, ministry, of('ministry'), MARGIN.left, top, half);
  signatureBlock(doc, section, district, of('district'), MARGIN.left + half + 10, top, half - 10);
  section.end();
  doc.x = MARGIN.left;
  doc.y = top + SIGNATURE_HEIGHT - 20;
}

export interface RecordInput {
  status: AgreementStatus;
  release: ReleaseInfo | null;
  signatures: readonly SignatureInfo[];
  /** Whom each party signs for, in the accusative („das Hessische Ministerium …", „den Landkreis …"). */
  partyFor: Readonly<Record<SigningParty, string>>;
  /** Full address of the released text ("https://…/api/agreements/…/released-text"). */
  releasedTextUrl: string;
}

/** The record that lets anyone check a printed copy: hash, signers, dates, in words for a reader. */
export function signoffRecord(doc: Doc, parent: Struct, input: RecordInput) {
  if (!input.release) return;
  if (doc.y + 170 > CONTENT_BOTTOM) doc.addPage();
  doc.moveDown(1);
  const top = doc.y;
  artifact(doc, () => doc.moveTo(MARGIN.left, top).lineTo(PAGE.width - MARGIN.right, top).lineWidth(0.5).strokeColor(GREY).stroke());
  doc.y = top + 8;
  const paper = input.signatures.length > 0 && input.signatures.every((s) => s.paper === true);
  const heading = paper ? 'Auf Papier unterzeichnet' : input.status === 'final' ? 'Unterzeichnungsnachweis' : 'Zur Zeichnung freigegeben';
  tagged(doc, parent, 'H2', () => doc.font('bold').fontSize(10).fillColor('black').text(heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH }));
  doc.moveDown(0.3);
  const line = (label: string, value: string) =>
    tagged(doc, parent, 'P', () => {
      doc.font('bold').fontSize(8.5).text(`${label}: `, MARGIN.left, doc.y, { width: CONTENT_WIDTH, continued: true });
      doc.font('regular').text(value);
    });
  line(paper ? 'Vom Papier erfasst' : 'Zur Zeichnung freigegeben', formatDateTime(input.release.releasedAt));
  line(paper ? 'Prüfwert (SHA-256) der Abschrift' : 'Prüfwert (SHA-256) des freigegebenen Textes', input.release.hash);
  for (const s of input.signatures) {
    if (s.paper) line(`${PAPER_NOTE} für ${input.partyFor[s.party]}`, `${s.name}, ${s.place}, ${s.date ? formatDate(s.date) : 'ohne Datum'}`);
    else line(`Unterzeichnet für ${input.partyFor[s.party]}`, `${s.name}, ${s.place}, ${formatDate(s.date)} (erfasst am ${formatDateTime(s.signedAt)})`);
  }
  doc.moveDown(0.4);
  const explanation = paper
    ? 'Diese Vereinbarung wurde auf Papier unterzeichnet; das Ministerium hat sie mit Orten, Daten und Namen wie auf dem Papier erfasst. ' +
      `Der Prüfwert ist ein digitaler Fingerabdruck der Abschrift (ohne Ort-, Datums- und Zeichnungsangaben); die Abschrift finden Sie unter ${input.releasedTextUrl}. Maßgeblich ist das Papier.`
    : 'Die Vereinbarung wurde elektronisch unterzeichnet (einfache elektronische Signatur): Jede Unterschrift ist mit Passwort bestätigt und protokolliert. ' +
    'Der Prüfwert ist ein digitaler Fingerabdruck des Wortlauts, der bei der Freigabe festgeschrieben wurde; schon ein geändertes Zeichen ergibt einen anderen Wert. ' +
    `Beide Unterschriften tragen denselben Prüfwert. Den festgeschriebenen Wortlaut finden Sie unter ${input.releasedTextUrl}; ` +
    'Ort, Datum und Unterschriften sind darin noch leer, weil sie erst nach der Freigabe hinzukamen.';
  tagged(doc, parent, 'P', () => doc.font('regular').fontSize(8).fillColor(GREY).text(explanation, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1 }));
  doc.fillColor('black');
}
