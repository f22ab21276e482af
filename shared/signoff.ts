import type { SigningParty } from './api.js';
import type { AgreementFields, SignatoryBlock } from './fields.js';
import { ANY_CONTROL, unifyLineEnds } from './text/controls.js';
import { withoutInvisibles } from './text/invisible.js';
import { firstUnprintable, unprintableMessage } from './text/printable.js';

export { berlinIsoDate } from './format.js';

/**
 * What both sides need to agree on about signing: the canonical form of the text a hash covers,
 * the mark a signature leaves in its block, the checks on what a signer types.
 */

/**
 * NFC, "\n" line ends and no invisible characters (shared/text/invisible.ts): the bytes a hash is
 * computed over do not depend on how the text travelled, nor on what nobody can see.
 */
export function normaliseCanonicalText(text: string): string {
  return withoutInvisibles(unifyLineEnds(text)).normalize('NFC');
}

/** What is kept of a place or a reason as typed: invisible characters removed, NFC, trimmed. */
export function normaliseTypedText(text: string): string {
  return withoutInvisibles(text).normalize('NFC').trim();
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


/** A German message for a place a signer confirmed, or null when it is fine. */
export function placeProblem(place: string): string | null {
  const trimmed = place.trim();
  if (trimmed === '') return 'Bitte geben Sie den Ort der Unterzeichnung an.';
  if (trimmed.length > MAX_PLACE_LENGTH) return `Der Ort darf höchstens ${MAX_PLACE_LENGTH} Zeichen lang sein.`;
  if (ANY_CONTROL.test(trimmed)) return 'Der Ort enthält unzulässige Zeichen.';
  const unprintable = firstUnprintable(normaliseTypedText(trimmed));
  if (unprintable !== null) return unprintableMessage(unprintable);
  return null;
}

/** A German message for a reopening reason, or null when it is fine (line breaks are allowed). */
export function reasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return 'Bitte begründen Sie, warum die Vereinbarung zurückgeholt wird.';
  if (trimmed.length > MAX_REASON_LENGTH) return `Die Begründung darf höchstens ${MAX_REASON_LENGTH} Zeichen lang sein.`;
  if (ANY_CONTROL.test(trimmed.replace(/\n/g, ' '))) return 'Die Begründung enthält unzulässige Zeichen.';
  return null;
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
