import type { PaperAgreementRequest, PaperSignatoryInput } from '../../../../shared/paper/types.js';

/**
 * The „Papiervereinbarung erfassen" form as the ministry fills it in, and its request. The server
 * checks everything again (shared/paper/validate.ts); here only what the browser must convert.
 */
export interface PaperSignatoryDraft {
  name: string;
  /** One function line per text line. */
  functionLines: string;
  place: string;
  date: string;
  mark: string;
}

export interface PaperDraft {
  districtId: string;
  year: string;
  amount: string;
  projectList: string;
  ministry: PaperSignatoryDraft;
  district: PaperSignatoryDraft;
}

export const emptySignatory = (place = ''): PaperSignatoryDraft => ({ name: '', functionLines: '', place, date: '', mark: '' });

export function initialPaperDraft(year: number): PaperDraft {
  return {
    districtId: '',
    year: String(year),
    amount: '',
    projectList: '',
    ministry: { ...emptySignatory('Wiesbaden'), name: '', functionLines: 'Staatsministerin\nHessisches Ministerium\nfür Arbeit, Integration,\nJugend und Soziales' },
    district: emptySignatory(),
  };
}

/** „462.800,00", „462.800 €", „462800" → cents; null when it is no amount. */
export function parseEuroAmount(written: string): number | null {
  const plain = written.replace(/\s|€|EUR/gi, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(plain)) return null;
  const [euros = '0', cents = ''] = plain.replace(/\./g, '').split(',');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

const signatory = (draft: PaperSignatoryDraft): PaperSignatoryInput => ({
  name: draft.name.trim(),
  functionLines: draft.functionLines.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
  place: draft.place.trim(),
  date: draft.date,
  mark: draft.mark.trim(),
});

export type Prepared = { ok: true; request: Omit<PaperAgreementRequest, 'scan'> } | { ok: false; message: string; inputId: string };

export function preparePaper(draft: PaperDraft, templateVersion: string): Prepared {
  if (draft.districtId === '') return { ok: false, message: 'Bitte den Kreis oder die Stadt wählen.', inputId: 'paper-district' };
  const amountCents = parseEuroAmount(draft.amount);
  if (amountCents === null) return { ok: false, message: 'Betrag: Bitte einen Betrag in Euro angeben, z. B. 462.800,00.', inputId: 'paper-amount' };
  return {
    ok: true,
    request: {
      districtId: draft.districtId,
      year: Number(draft.year),
      templateVersion,
      amountCents,
      projectList: draft.projectList,
      ministrySignatory: signatory(draft.ministry),
      districtSignatory: signatory(draft.district),
    },
  };
}

/** The scan as the request carries it: base64 of the file's bytes. */
export async function scanAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
