import { describe, expect, it } from 'vitest';
import { DISTRICTS, findDistrict, grantingAuthorityOf, partnerFormsOf, type District } from '../../shared/districts.js';
import type { AgreementFields } from '../../shared/fields.js';
import { renderBlock, pieceText } from '../../shared/agreementText.js';
import { ph, piece, section, t, templateDoc } from '../../shared/template/build.js';
import { compileTemplate } from '../../shared/template/compile.js';
import { MINISTRY_2024 } from '../../shared/template/aqb2024.js';
import { PLACEHOLDERS, type PlaceholderKey } from '../../shared/template/placeholders.js';
import { BLOCK_IDS } from '../../shared/template/types.js';

const signatory = { place: '', date: '', signatureMark: '', name: '', functionLines: [] };

function fieldsFor(district: District): AgreementFields {
  return {
    year: 2025,
    amountCents: 398_500_50,
    grantingAuthority: grantingAuthorityOf(district),
    partner: partnerFormsOf(district),
    ministrySignatory: signatory,
    districtSignatory: signatory,
  };
}

/** A one-placeholder version: every block holds "<key>" so the title block prints its value. */
function printed(key: PlaceholderKey, upper: boolean, district: District): string {
  const content = templateDoc(...BLOCK_IDS.map((id) => section(id, piece('text', t`[${ph(key, upper)}]`))));
  const template = compileTemplate({ version: 'test', ministry: MINISTRY_2024, content });
  return pieceText(renderBlock(template, 'title', fieldsFor(district))[0]!);
}

/** What a reader of the printed agreement expects for each kind of partner, built by hand. */
function expected(key: PlaceholderKey, district: District): string {
  const city = district.kind === 'kreisfreie-stadt';
  // The official names "Kreis Bergstraße", "Kreis Groß-Gerau", "Kreis Offenbach"; every other Landkreis as "Landkreis …".
  const officiallyKreis = ['bergstrasse', 'gross-gerau', 'offenbach-kreis'].includes(district.id);
  const type = city ? 'Stadt' : officiallyKreis ? 'Kreis' : 'Landkreis';
  const name = district.name;
  const table: Record<PlaceholderKey, string> = {
    year: '2025',
    amount: '398.500,50 Euro',
    grantingAuthority: `Regierungspräsidium ${district.regierungsbezirk}`,
    partnerNominative: city ? `die Stadt ${name}` : `der ${type} ${name}`,
    partnerGenitive: city ? `der Stadt ${name}` : `des ${type}es ${name}`,
    partnerDative: city ? `der Stadt ${name}` : `dem ${type} ${name}`,
    partnerAccusative: city ? `die Stadt ${name}` : `den ${type} ${name}`,
    partnerNominativeBare: `${type} ${name}`,
    partnerGenitiveBare: city ? `Stadt ${name}` : `${type}es ${name}`,
    partnerDativeBare: `${type} ${name}`,
    partnerAccusativeBare: `${type} ${name}`,
    ministryName: 'Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales',
    ministryNominative: 'das Hessische Ministerium für Arbeit, Integration, Jugend und Soziales',
    ministryGenitive: 'des Hessischen Ministeriums für Arbeit, Integration, Jugend und Soziales',
    ministryDative: 'dem Hessischen Ministerium für Arbeit, Integration, Jugend und Soziales',
    ministryAbbreviation: 'HMSI',
  };
  return table[key];
}

describe('template placeholders', () => {
  it('has 21 Landkreise and 5 kreisfreie Städte to check', () => {
    expect(DISTRICTS.filter((d) => d.kind === 'landkreis')).toHaveLength(21);
    expect(DISTRICTS.filter((d) => d.kind === 'kreisfreie-stadt')).toHaveLength(5);
  });

  const cases = PLACEHOLDERS.flatMap((spec) => DISTRICTS.map((district) => [spec.key, district.id, district] as const));
  it.each(cases)('prints %s for %s as the text says it', (key, _id, district) => {
    expect(printed(key, false, district)).toBe(`[${expected(key, district)}]`);
  });

  it.each(cases)('capitalises %s for %s at the start of a sentence', (key, _id, district) => {
    const value = expected(key, district);
    expect(printed(key, true, district)).toBe(`[${value.charAt(0).toUpperCase()}${value.slice(1)}]`);
  });

  it('tells the city of Kassel from the Landkreis Kassel in every form', () => {
    const city = findDistrict('kassel')!;
    const county = findDistrict('kassel-kreis')!;
    expect(printed('partnerGenitive', false, city)).toBe('[der Stadt Kassel]');
    expect(printed('partnerGenitive', false, county)).toBe('[des Landkreises Kassel]');
    expect(printed('partnerDative', false, city)).toBe('[der Stadt Kassel]');
    expect(printed('partnerDative', false, county)).toBe('[dem Landkreis Kassel]');
    expect(printed('partnerNominative', true, city)).toBe('[Die Stadt Kassel]');
    expect(printed('partnerNominative', true, county)).toBe('[Der Landkreis Kassel]');
  });

  it('names the Kreis Offenbach as a Kreis, and the Stadt Offenbach am Main as a city', () => {
    const county = findDistrict('offenbach-kreis')!;
    const city = findDistrict('offenbach')!;
    expect(printed('partnerGenitive', false, county)).toBe('[des Kreises Offenbach]');
    expect(printed('partnerNominative', true, county)).toBe('[Der Kreis Offenbach]');
    expect(printed('partnerDativeBare', false, county)).toBe('[Kreis Offenbach]');
    expect(printed('partnerGenitive', false, city)).toBe('[der Stadt Offenbach am Main]');
    expect(printed('partnerGenitive', false, findDistrict('bergstrasse')!)).toBe('[des Kreises Bergstraße]');
    expect(printed('partnerDative', false, findDistrict('gross-gerau')!)).toBe('[dem Kreis Groß-Gerau]');
  });

  it('labels every placeholder in German and gives an example', () => {
    for (const spec of PLACEHOLDERS) {
      expect(spec.label).not.toBe('');
      expect(spec.example).not.toBe('');
    }
    expect(new Set(PLACEHOLDERS.map((spec) => spec.key)).size).toBe(PLACEHOLDERS.length);
  });
});
