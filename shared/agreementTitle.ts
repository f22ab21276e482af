import type { AgreementFields } from './fields.js';

/**
 * "Zielvereinbarung 2024 – Werra-Meißner-Kreis": the title of an agreement in lists, the page
 * title and the PDF's metadata. The partner's name is its dative form without the article
 * ("dem Werra-Meißner-Kreis", "der Stadt Kassel"), the form the template prints.
 */
export function agreementTitle(year: number, partner: Pick<AgreementFields['partner'], 'dative'>): string {
  return `Zielvereinbarung ${year} – ${partnerLabel(partner)}`;
}

/**
 * The partner's own name form for labels: "Werra-Meißner-Kreis" (a name that is already a Kreis
 * takes no "Landkreis" before it), "Landkreis Fulda", "Stadt Kassel". The template's contract
 * text keeps "dem Landkreis Werra-Meißner-Kreis", as the signed reference prints it.
 */
export function partnerLabel(partner: Pick<AgreementFields['partner'], 'dative'>): string {
  return ownNameForm(partner.dative.replace(/^(dem|der) /, ''));
}

/** A grammatical form in the partner's own name form: "den Landkreis Werra-Meißner-Kreis" → "den Werra-Meißner-Kreis". */
export function ownNameForm(form: string): string {
  return form.replace(/\bLandkreis (\S+kreis)$/i, '$1');
}
