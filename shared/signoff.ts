import type { SigningParty } from './api.js';
import type { AgreementFields, SignatoryBlock } from './fields.js';

/**
 * What both sides need to agree on about signing: the canonical form of the text a hash covers,
 * the mark a signature leaves in its block, the checks on what a signer types.
 */

/** NFC and "\n" line ends: the bytes a hash is computed over do not depend on how the text travelled. */
export function normaliseCanonicalText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The short form of a hash shown in a signature block: its first 16 hex digits in groups of four. */
export function shortHash(hash: string): string {
  return (hash.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** What stands in the signature space of an electronically signed block. */
export function signatureMarkOf(hash: string): string {
  return `elektronisch unterzeichnet · SHA-256 ${shortHash(hash)}`;
}

/** A block with no signature in it: what release and reopening write, and what the hash covers. */
export function unsignedBlock(block: SignatoryBlock): SignatoryBlock {
  return { ...block, date: '', signatureMark: '' };
}

export function unsignedFields(fields: AgreementFields): AgreementFields {
  return { ...fields, ministrySignatory: unsignedBlock(fields.ministrySignatory), districtSignatory: unsignedBlock(fields.districtSignatory) };
}

export function signatoryKey(party: SigningParty): 'ministrySignatory' | 'districtSignatory' {
  return party === 'ministry' ? 'ministrySignatory' : 'districtSignatory';
}

export const PARTY_LABELS: Readonly<Record<SigningParty, string>> = {
  ministry: 'Ministerium',
  district: 'Kreis/Stadt',
};

export const MAX_PLACE_LENGTH = 60;
export const MAX_REASON_LENGTH = 1000;

// Control characters and bidi overrides (the same family the entry rules refuse).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A German message for a place a signer confirmed, or null when it is fine. */
export function placeProblem(place: string): string | null {
  const trimmed = place.trim();
  if (trimmed === '') return 'Bitte geben Sie den Ort der Unterzeichnung an.';
  if (trimmed.length > MAX_PLACE_LENGTH) return `Der Ort darf höchstens ${MAX_PLACE_LENGTH} Zeichen lang sein.`;
  if (FORBIDDEN.test(trimmed)) return 'Der Ort enthält unzulässige Zeichen.';
  return null;
}

/** A German message for a reopening reason, or null when it is fine (line breaks are allowed). */
export function reasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return 'Bitte begründen Sie, warum die Vereinbarung zurückgeholt wird.';
  if (trimmed.length > MAX_REASON_LENGTH) return `Die Begründung darf höchstens ${MAX_REASON_LENGTH} Zeichen lang sein.`;
  if (FORBIDDEN.test(trimmed.replace(/\n/g, ' '))) return 'Die Begründung enthält unzulässige Zeichen.';
  return null;
}

/** Server time → ISO date ("2026-11-25") in German local time, the date a signature carries. */
export function berlinIsoDate(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** What a printed block says above a deputy's name. */
export const DEPUTY_LABEL = 'In Vertretung';

/**
 * The name and function lines of a signature block as printed. When someone other than the named
 * signatory signed (a deputy), the block names who actually signed, „In Vertretung" above the name.
 */
export function printedSignatory(block: SignatoryBlock, signerName: string | undefined): string[] {
  if (signerName === undefined || signerName === block.name) return [block.name, ...block.functionLines];
  return [DEPUTY_LABEL, signerName, ...block.functionLines];
}
