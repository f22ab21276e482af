import type { PartnerForms } from './districts.js';

/**
 * The structured data of one agreement that the template text is filled with. Written only by
 * the server (Y.Map "fields"); clients read it.
 */
export interface SignatoryBlock {
  /** Place printed before "den" ("Wiesbaden"). */
  place: string;
  /** ISO date of signing ("2024-07-23"), or "" while undated. */
  date: string;
  /** What stands in the space for the signature (a facsimile or the electronic mark), or "". */
  signatureMark: string;
  /** Full name of the signatory. */
  name: string;
  /** The function as printed, one entry per line ("Staatsministerin", "Hessisches Ministerium", …). */
  functionLines: string[];
}

export interface AgreementFields {
  year: number;
  /** §4 amount in cents, so that decimals are exact. */
  amountCents: number;
  /** The authority that grants the funds by Bescheid ("Regierungspräsidium Kassel"). */
  grantingAuthority: string;
  /** The grammatical forms in which the text names the district. */
  partner: PartnerForms;
  ministrySignatory: SignatoryBlock;
  districtSignatory: SignatoryBlock;
}

export const FIELD_KEYS = [
  'year',
  'amountCents',
  'grantingAuthority',
  'partner',
  'ministrySignatory',
  'districtSignatory',
] as const satisfies readonly (keyof AgreementFields)[];

/** Largest amount a person may enter: 100 million Euro, far beyond any AQB budget. */
export const MAX_AMOUNT_CENTS = 100_000_000_00;

export type FieldError = { field: string; message: string };

/** Validates an amount a ministry editor sets; returns a German message or null. */
export function validateAmountCents(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'Bitte einen Betrag in Euro angeben, z. B. 462.800.';
  if (value <= 0) return 'Der Betrag muss größer als 0 Euro sein.';
  if (value > MAX_AMOUNT_CENTS) return 'Der Betrag ist unplausibel hoch (mehr als 100 Mio. Euro).';
  return null;
}
