/**
 * An agreement of an earlier year that exists only on paper (issue 10, point 6): the ministry
 * records it as it was signed, so that it is final from the start and next year's round carries
 * its §5 over. The request and answer of POST /api/agreements/paper (docs/api.md, „Runden").
 */

/** One signature block as it stands on paper. */
export interface PaperSignatoryInput {
  name: string;
  /** The function as printed, one entry per line. */
  functionLines: string[];
  place: string;
  /** ISO date as written on paper, or "" when the paper leaves it blank. */
  date: string;
  /** What stands in the signature space as printed (a facsimile's name), usually "". */
  mark: string;
}

export interface PaperScanInput {
  filename: string;
  /** The signed scan (PDF), base64. */
  base64: string;
}

export interface PaperAgreementRequest {
  districtId: string;
  year: number;
  templateVersion: string;
  amountCents: number;
  /** §5 as pasted: each Maßnahmenart heading on its own line, then one project per line. */
  projectList: string;
  ministrySignatory: PaperSignatoryInput;
  districtSignatory: PaperSignatoryInput;
  scan: PaperScanInput;
}

export interface PaperAgreementResponse {
  id: string;
  projects: number;
}

/** The line a paper agreement shows beside its signatures, in the document, the PDF and the history. */
export const PAPER_NOTE = 'auf Papier unterzeichnet';
