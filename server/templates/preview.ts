import { renderAgreementText } from '../../shared/agreementText.js';
import { grantingAuthorityOf, partnerFormsOf, type District } from '../../shared/districts.js';
import type { AgreementFields, SignatoryBlock } from '../../shared/fields.js';
import { compileTemplate } from '../../shared/template/compile.js';
import type { TemplateNodeJSON } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';

/** The §4 amount a preview shows: a round number, so nobody mistakes it for a district's budget. */
export const SAMPLE_AMOUNT_CENTS = 400_000_00;

/** Office holders are data of each agreement, never of a template: a preview shows „N. N.“. */
function sampleSignatory(place: string, functionLines: string[]): SignatoryBlock {
  return { place, date: '', signatureMark: '', name: 'N. N.', functionLines };
}

export function sampleFields(district: District, year: number, ministry: Ministry): AgreementFields {
  const city = district.kind === 'kreisfreie-stadt';
  return {
    year,
    amountCents: SAMPLE_AMOUNT_CENTS,
    grantingAuthority: grantingAuthorityOf(district),
    partner: partnerFormsOf(district),
    ministrySignatory: sampleSignatory(ministry.seat, ['Staatsminister/in', ministry.name]),
    districtSignatory: sampleSignatory(district.seat, city ? ['Oberbürgermeister/in', `der Stadt ${district.name}`] : ['Landrat/Landrätin des Landkreises', district.name]),
  };
}

/**
 * A version's text for a district and year as an agreement of it would print, through the one
 * renderer (shared/agreementText.ts) with sample fields and an empty §5 project list.
 */
export function previewText(version: string, ministry: Ministry, content: TemplateNodeJSON, district: District, year: number): string {
  return renderAgreementText(compileTemplate({ version, ministry, content }), sampleFields(district, year, ministry), []);
}
