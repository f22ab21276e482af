import { describe, expect, it } from 'vitest';
import type { SignatureInfo } from '../../shared/api.js';
import { pdfContentDisposition, pdfFileName, type PdfNameInput } from '../../server/pdf/fileName.js';
import { DEPUTY_LABEL, printedSignatory } from '../../shared/signoff.js';

const signature = (date: string): SignatureInfo => ({ party: 'district', username: 'x', name: 'X', role: 'district-signatory', place: 'Eschwege', date, signedAt: 0, hash: 'h' });
const draft: PdfNameInput = { year: 2024, partnerName: 'Werra-Meißner-Kreis', status: 'draft', signatures: [], today: '2026-11-29' };

describe('the PDF file name', () => {
  it('names a draft with the day of download, in ASCII and as the real name', () => {
    expect(pdfFileName(draft, true)).toBe('Zielvereinbarung-2024-Werra-Meissner-Kreis-Entwurf-2026-11-29.pdf');
    expect(pdfFileName(draft, false)).toBe('Zielvereinbarung-2024-Werra-Meißner-Kreis-Entwurf-2026-11-29.pdf');
    expect(pdfContentDisposition(draft)).toBe(
      "inline; filename=\"Zielvereinbarung-2024-Werra-Meissner-Kreis-Entwurf-2026-11-29.pdf\"; filename*=UTF-8''Zielvereinbarung-2024-Werra-Mei%C3%9Fner-Kreis-Entwurf-2026-11-29.pdf",
    );
  });

  it('names a final agreement after its last signature, and transliterates umlauts', () => {
    const final: PdfNameInput = { ...draft, partnerName: 'Lahn-Dill-Kreis Ölmühle', status: 'final', signatures: [signature('2026-11-20'), signature('2026-11-24')] };
    expect(pdfFileName(final, true)).toBe('Zielvereinbarung-2024-Lahn-Dill-Kreis-Oelmuehle-unterzeichnet-2026-11-24.pdf');
  });
});

describe('the printed signatory', () => {
  const block = { place: 'Eschwege', date: '', signatureMark: '', name: 'Nicole Rathgeber', functionLines: ['Landrätin des Landkreises', 'Werra-Meißner-Kreis'] };

  it('names the signatory of the template when she signs or nobody has yet', () => {
    expect(printedSignatory(block, undefined)).toEqual(['Nicole Rathgeber', 'Landrätin des Landkreises', 'Werra-Meißner-Kreis']);
    expect(printedSignatory(block, 'Nicole Rathgeber')[0]).toBe('Nicole Rathgeber');
  });

  it('names a deputy who signed, „In Vertretung" above the name', () => {
    expect(printedSignatory(block, 'Karl Vertreter')).toEqual([DEPUTY_LABEL, 'Karl Vertreter', 'Landrätin des Landkreises', 'Werra-Meißner-Kreis']);
  });
});
