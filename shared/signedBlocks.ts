import type { AgreementStatus, SigningParty } from './api.js';
import type { AgreementFields } from './fields.js';
import { unsignedBlock } from './signoff.js';

/**
 * Which signature blocks carry a signature: decided from the sign-off state, never from what
 * the fields happen to hold. A seeded or carried-over block may hold a name in its mark and a
 * date (the template of last year's paper copy); a draft must still never look signed.
 *
 * A party has signed when its signature stands in the current release (Y.Map "signatures", the
 * signoff store), or when the agreement is final: both signatures exist then, whether given
 * electronically or recorded from paper.
 */
export function signedParties(status: AgreementStatus, recorded: readonly SigningParty[]): SigningParty[] {
  if (status === 'final') return ['ministry', 'district'];
  if (status === 'draft') return [];
  return (['ministry', 'district'] as const).filter((party) => recorded.includes(party));
}

/** The fields as printed: the blocks of parties that have not signed show neither mark nor date. */
export function fieldsAsSigned(fields: AgreementFields, signed: readonly SigningParty[]): AgreementFields {
  return {
    ...fields,
    ministrySignatory: signed.includes('ministry') ? fields.ministrySignatory : unsignedBlock(fields.ministrySignatory),
    districtSignatory: signed.includes('district') ? fields.districtSignatory : unsignedBlock(fields.districtSignatory),
  };
}
