/**
 * The 26 AQB partners of the Hessian labour ministry: 21 Landkreise and 5 kreisfreie Städte.
 * Names of office holders are deliberately absent: they change after elections and live in each
 * agreement's fields, never in code.
 */
export type DistrictKind = 'landkreis' | 'kreisfreie-stadt';
export type Regierungsbezirk = 'Darmstadt' | 'Gießen' | 'Kassel';

export interface District {
  /** Stable slug, used in URLs, user records and agreement ids. */
  id: string;
  /** The partner's name as printed after its type word ("Werra-Meißner-Kreis", "Kassel"). */
  name: string;
  kind: DistrictKind;
  regierungsbezirk: Regierungsbezirk;
  /** Seat of the administration: the district signatory's default place. */
  seat: string;
  /** True where the seat is from general knowledge and should be checked before it is shown as fact. */
  seatUnverified?: boolean;
  /**
   * Set for the Landkreise whose official name is "Kreis …" (Kreis Bergstraße, Kreis Groß-Gerau,
   * Kreis Offenbach): the text then says "der Kreis Bergstraße", not "der Landkreis Bergstraße".
   */
  typeWord?: 'Kreis';
}

const d = (
  id: string,
  name: string,
  kind: DistrictKind,
  regierungsbezirk: Regierungsbezirk,
  seat: string,
  seatUnverified = false,
): District => (seatUnverified ? { id, name, kind, regierungsbezirk, seat, seatUnverified } : { id, name, kind, regierungsbezirk, seat });

/** A Landkreis whose official name is "Kreis …". */
const kreis = (district: District): District => ({ ...district, typeWord: 'Kreis' });

export const DISTRICTS: readonly District[] = [
  kreis(d('bergstrasse', 'Bergstraße', 'landkreis', 'Darmstadt', 'Heppenheim (Bergstraße)', true)),
  d('darmstadt-dieburg', 'Darmstadt-Dieburg', 'landkreis', 'Darmstadt', 'Darmstadt'),
  kreis(d('gross-gerau', 'Groß-Gerau', 'landkreis', 'Darmstadt', 'Groß-Gerau')),
  d('hochtaunuskreis', 'Hochtaunuskreis', 'landkreis', 'Darmstadt', 'Bad Homburg v. d. Höhe', true),
  d('main-kinzig-kreis', 'Main-Kinzig-Kreis', 'landkreis', 'Darmstadt', 'Gelnhausen', true),
  d('main-taunus-kreis', 'Main-Taunus-Kreis', 'landkreis', 'Darmstadt', 'Hofheim am Taunus', true),
  d('odenwaldkreis', 'Odenwaldkreis', 'landkreis', 'Darmstadt', 'Erbach', true),
  kreis(d('offenbach-kreis', 'Offenbach', 'landkreis', 'Darmstadt', 'Dietzenbach')),
  d('rheingau-taunus-kreis', 'Rheingau-Taunus-Kreis', 'landkreis', 'Darmstadt', 'Bad Schwalbach', true),
  d('wetteraukreis', 'Wetteraukreis', 'landkreis', 'Darmstadt', 'Friedberg (Hessen)', true),
  d('darmstadt', 'Darmstadt', 'kreisfreie-stadt', 'Darmstadt', 'Darmstadt'),
  d('frankfurt', 'Frankfurt am Main', 'kreisfreie-stadt', 'Darmstadt', 'Frankfurt am Main'),
  d('offenbach', 'Offenbach am Main', 'kreisfreie-stadt', 'Darmstadt', 'Offenbach am Main'),
  d('wiesbaden', 'Wiesbaden', 'kreisfreie-stadt', 'Darmstadt', 'Wiesbaden'),
  d('giessen', 'Gießen', 'landkreis', 'Gießen', 'Gießen'),
  d('lahn-dill-kreis', 'Lahn-Dill-Kreis', 'landkreis', 'Gießen', 'Wetzlar', true),
  d('limburg-weilburg', 'Limburg-Weilburg', 'landkreis', 'Gießen', 'Limburg a. d. Lahn', true),
  d('marburg-biedenkopf', 'Marburg-Biedenkopf', 'landkreis', 'Gießen', 'Marburg'),
  d('vogelsbergkreis', 'Vogelsbergkreis', 'landkreis', 'Gießen', 'Lauterbach (Hessen)'),
  d('fulda', 'Fulda', 'landkreis', 'Kassel', 'Fulda', true),
  d('hersfeld-rotenburg', 'Hersfeld-Rotenburg', 'landkreis', 'Kassel', 'Bad Hersfeld'),
  d('kassel-kreis', 'Kassel', 'landkreis', 'Kassel', 'Kassel', true),
  d('schwalm-eder-kreis', 'Schwalm-Eder-Kreis', 'landkreis', 'Kassel', 'Homberg (Efze)', true),
  d('waldeck-frankenberg', 'Waldeck-Frankenberg', 'landkreis', 'Kassel', 'Korbach'),
  d('werra-meissner-kreis', 'Werra-Meißner-Kreis', 'landkreis', 'Kassel', 'Eschwege'),
  d('kassel', 'Kassel', 'kreisfreie-stadt', 'Kassel', 'Kassel'),
];

export function findDistrict(id: string): District | undefined {
  return DISTRICTS.find((district) => district.id === id);
}

/** The Regierungspräsidium that grants the funds by Bescheid is the one of the district's Bezirk. */
export function grantingAuthorityOf(district: District): string {
  return `Regierungspräsidium ${district.regierungsbezirk}`;
}

/** The grammatical forms in which the template names the partner ("dem Landkreis Fulda", "der Stadt Kassel"). */
export interface PartnerForms {
  /** "der Landkreis Werra-Meißner-Kreis" */
  nominative: string;
  /** "des Landkreises Werra-Meißner-Kreis" */
  genitive: string;
  /** "dem Landkreis Werra-Meißner-Kreis" */
  dative: string;
  /** "den Landkreis Werra-Meißner-Kreis" */
  accusative: string;
}

/** The word before the name: "Stadt Kassel", "Landkreis Fulda", "Kreis Offenbach". */
export function typeWordOf(district: District): 'Stadt' | 'Landkreis' | 'Kreis' {
  return district.kind === 'kreisfreie-stadt' ? 'Stadt' : (district.typeWord ?? 'Landkreis');
}

/** "Landkreis Werra-Meißner-Kreis", "Kreis Offenbach", "Stadt Offenbach am Main". */
export function districtLabel(district: District): string {
  return `${typeWordOf(district)} ${district.name}`;
}

export function partnerFormsOf(district: District): PartnerForms {
  if (district.kind === 'kreisfreie-stadt') {
    const name = `Stadt ${district.name}`;
    return { nominative: `die ${name}`, genitive: `der ${name}`, dative: `der ${name}`, accusative: `die ${name}` };
  }
  const word = typeWordOf(district);
  return {
    nominative: `der ${word} ${district.name}`,
    genitive: `des ${word}es ${district.name}`,
    dative: `dem ${word} ${district.name}`,
    accusative: `den ${word} ${district.name}`,
  };
}
