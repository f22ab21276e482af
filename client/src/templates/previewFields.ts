import { DISTRICTS, grantingAuthorityOf, partnerFormsOf, type District } from '../../../shared/districts.js';
import type { AgreementFields, SignatoryBlock } from '../../../shared/fields.js';
import type { Ministry } from '../../../shared/template/types.js';

/** The two lists of the preview's partner menu, as the ministry counts its partners. */
export const DISTRICT_GROUPS: readonly { label: string; districts: readonly District[] }[] = [
  { label: 'Landkreise', districts: DISTRICTS.filter((d) => d.kind === 'landkreis') },
  { label: 'Kreisfreie Städte', districts: DISTRICTS.filter((d) => d.kind === 'kreisfreie-stadt') },
];

/** A round's amounts differ per partner; the preview shows a plausible one (the 2024 reference's). */
export const SAMPLE_AMOUNT_CENTS = 462_800_00;

const unsigned = (place: string): SignatoryBlock => ({ place, date: '', signatureMark: '', name: '', functionLines: [] });

/**
 * The fields an agreement of this partner and year would have, with a sample amount: what a
 * placeholder prints comes from here, exactly as on an agreement's page.
 */
export function sampleFields(district: District, year: number, ministry: Ministry): AgreementFields {
  return {
    year,
    amountCents: SAMPLE_AMOUNT_CENTS,
    grantingAuthority: grantingAuthorityOf(district),
    partner: partnerFormsOf(district),
    ministrySignatory: unsigned(ministry.seat),
    districtSignatory: unsigned(district.seat),
  };
}
