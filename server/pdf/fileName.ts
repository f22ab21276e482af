import type { AgreementStatus, SignatureInfo } from '../../shared/api.js';

/** German letters that have an established ASCII spelling; everything else loses its accents. */
const TRANSLITERATION: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

function segment(text: string, ascii: boolean): string {
  const spelled = ascii ? text.replace(/[äöüÄÖÜßẞ]/g, (c) => TRANSLITERATION[c] ?? c).normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
  const allowed = ascii ? /[^A-Za-z0-9-]+/g : /[^\p{L}\p{N}-]+/gu;
  return spelled.replace(allowed, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}

export interface PdfNameInput {
  year: number;
  /** The partner's own name („Werra-Meißner-Kreis", „Kassel"). */
  partnerName: string;
  status: AgreementStatus;
  signatures: readonly SignatureInfo[];
  /** ISO date of the download (Europe/Berlin), which a draft's name carries. */
  today: string;
}

/**
 * „Zielvereinbarung-2024-Werra-Meissner-Kreis-Entwurf-2026-11-29.pdf": a draft carries the day
 * it was downloaded, a final agreement the day of its last signature, so copies never mix up.
 */
export function pdfFileName(input: PdfNameInput, ascii: boolean): string {
  const lastSigned = input.signatures.map((s) => s.date).sort().at(-1) ?? input.today;
  const state =
    input.status === 'final' ? `unterzeichnet-${lastSigned}` : input.status === 'draft' ? `Entwurf-${input.today}` : `zur-Zeichnung-${input.today}`;
  return `${['Zielvereinbarung', String(input.year), segment(input.partnerName, ascii), state].join('-')}.pdf`;
}

/** Content-Disposition with an ASCII name for old clients and the real name (RFC 6266, RFC 5987). */
export function pdfContentDisposition(input: PdfNameInput): string {
  return `inline; filename="${pdfFileName(input, true)}"; filename*=UTF-8''${encodeURIComponent(pdfFileName(input, false))}`;
}
