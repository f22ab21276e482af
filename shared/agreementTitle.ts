import type { AgreementFields } from './fields.js';

/**
 * "Zielvereinbarung 2024 – Werra-Meißner-Kreis": the title of an agreement in lists, the page
 * title and the PDF's metadata. The partner's name is its dative form without the article
 * ("dem Werra-Meißner-Kreis", "der Stadt Kassel"), the form the template prints.
 */
export function agreementTitle(year: number, partner: Pick<AgreementFields['partner'], 'dative'>): string {
  return `Zielvereinbarung ${year} – ${partner.dative.replace(/^(dem|der) /, '')}`;
}
