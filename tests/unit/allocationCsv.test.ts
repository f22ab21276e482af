import { describe, expect, it } from 'vitest';
import { DISTRICTS } from '../../shared/districts.js';
import { matchDistrictName, parseAllocationCsv, partnerLabel } from '../../shared/rounds/allocationCsv.js';

const ids = (text: string) => parseAllocationCsv(text).rows.map((row) => row.districtId);
const messages = (text: string) => parseAllocationCsv(text).messages.map((entry) => entry.message);

describe('reading the allocation table', () => {
  it('reads semicolon rows with German amounts into cents and sums them', () => {
    const table = parseAllocationCsv('Werra-Meißner-Kreis;462.800,00\nLandkreis Fulda;1.234,56\nStadt Kassel;462800\n');
    expect(table.rows).toEqual([
      { line: 1, districtId: 'werra-meissner-kreis', amountCents: 46_280_000 },
      { line: 2, districtId: 'fulda', amountCents: 123_456 },
      { line: 3, districtId: 'kassel', amountCents: 46_280_000 },
    ]);
    expect(table.messages).toEqual([]);
    expect(table.sumCents).toBe(46_280_000 + 123_456 + 46_280_000);
  });

  it('accepts amounts with a Euro sign, a Euro word, spaces and non-breaking spaces', () => {
    const table = parseAllocationCsv('Wiesbaden;462.800 €\nDarmstadt;€ 1.000\nGießen;2.500,5 Euro\nFulda;1\u00a0000,00\u00a0EUR');
    expect(table.rows.map((row) => row.amountCents)).toEqual([46_280_000, 100_000, 250_050, 100_000]);
    expect(table.messages).toEqual([]);
  });

  it('skips a UTF-8 byte order mark and a header line, and numbers lines as the file does', () => {
    const table = parseAllocationCsv('\uFEFFKreis;Betrag\r\nLandkreis Fulda;100\r\n\r\nKreis Atlantis;5');
    expect(table.rows).toEqual([{ line: 2, districtId: 'fulda', amountCents: 10_000 }]);
    expect(table.messages.map((m) => m.message)).toEqual(['Zeile 4: „Kreis Atlantis“ ist kein Partner des AQB.']);
    expect(table.messages[0]?.line).toBe(4);
  });

  it('reads quoted fields with doubled quotes, semicolons and line breaks inside', () => {
    const table = parseAllocationCsv('"Landkreis Fulda";"1.234,56"\n"Stadt ""Kassel""";5\n"Kreis\nOffenbach";"1;0"\nWiesbaden;7');
    expect(table.rows.map((row) => [row.line, row.districtId])).toEqual([
      [1, 'fulda'],
      [5, 'wiesbaden'],
    ]);
    expect(table.messages.map((m) => m.message)).toEqual([
      'Zeile 2: „Stadt "Kassel"“ ist kein Partner des AQB.',
      'Zeile 3: „1;0“ ist kein Betrag in Euro (Beispiel: 462.800,00).',
    ]);
  });

  it('reads a paste from Excel, where the columns are separated by tabs', () => {
    expect(ids('Kreis\tBetrag\nLandkreis Fulda\t100\nWiesbaden\t200')).toEqual(['fulda', 'wiesbaden']);
  });

  it('names an unknown partner, a missing name and a line with too many columns', () => {
    expect(messages('Landkreis Atlantis;100\n;100\nFulda;100;200')).toEqual([
      'Zeile 1: „Landkreis Atlantis“ ist kein Partner des AQB.',
      'Zeile 2: Der Name des Partners fehlt.',
      'Zeile 3: Erwartet werden zwei Spalten (Kreis;Betrag), die Zeile hat 3.',
    ]);
  });

  it('ignores empty trailing columns as Excel writes them', () => {
    expect(ids('Landkreis Fulda;100;;\n')).toEqual(['fulda']);
  });

  it('flags an empty, negative, zero or unreadable amount', () => {
    expect(messages('Fulda;\nWiesbaden;-1.000\nGießen;0,00\nDarmstadt;1.5\nKassel, Stadt;abc\nStadt Kassel;462,800.00')).toEqual([
      'Zeile 1: Für „Fulda“ fehlt der Betrag.',
      'Zeile 2: Der Betrag für „Wiesbaden“ ist negativ (-1.000 Euro).',
      'Zeile 3: Der Betrag für „Gießen“ ist 0 Euro.',
      'Zeile 4: „1.5“ ist kein Betrag in Euro (Beispiel: 462.800,00).',
      'Zeile 5: „Kassel, Stadt“ ist kein Partner des AQB.',
      'Zeile 6: „462,800.00“ ist kein Betrag in Euro (Beispiel: 462.800,00).',
    ]);
  });

  it('takes a duplicate partner once, names the line it came first, and leaves it out of the sum', () => {
    const table = parseAllocationCsv('Landkreis Fulda;100\nWiesbaden;1\nFULDA ;200');
    expect(table.rows.map((row) => row.districtId)).toEqual(['fulda', 'wiesbaden']);
    expect(table.sumCents).toBe(10_100);
    expect(table.messages.map((m) => m.message)).toEqual(['Zeile 3: Landkreis Fulda steht schon in Zeile 1; diese Zeile wird nicht übernommen.']);
  });

  it('asks which one is meant where a name fits a Landkreis and a Stadt', () => {
    expect(messages('Kassel;1\nOffenbach;1')).toEqual([
      'Zeile 1: „Kassel“ ist nicht eindeutig: Landkreis Kassel oder Stadt Kassel?',
      'Zeile 2: „Offenbach“ ist nicht eindeutig: Kreis Offenbach oder Stadt Offenbach am Main?',
    ]);
  });

  it('returns nothing for an empty or blank input', () => {
    expect(parseAllocationCsv('')).toEqual({ rows: [], messages: [], sumCents: 0 });
    expect(parseAllocationCsv('\uFEFF\n  \n;\n')).toEqual({ rows: [], messages: [], sumCents: 0 });
  });
});

describe('matching partner names as the ministry writes them', () => {
  it.each([
    ['Werra-Meißner-Kreis', 'werra-meissner-kreis'],
    ['Landkreis Werra-Meißner-Kreis', 'werra-meissner-kreis'],
    ['werra - meissner - kreis', 'werra-meissner-kreis'],
    ['Landkreis Fulda', 'fulda'],
    ['  landkreis   FULDA ', 'fulda'],
    ['Stadt Kassel', 'kassel'],
    ['Landkreis Kassel', 'kassel-kreis'],
    ['Kreis Offenbach', 'offenbach-kreis'],
    ['Stadt Offenbach', 'offenbach'],
    ['Offenbach am Main', 'offenbach'],
    ['Wiesbaden', 'wiesbaden'],
    ['Landeshauptstadt Wiesbaden', 'wiesbaden'],
    ['Wissenschaftsstadt Darmstadt', 'darmstadt'],
    ['Darmstadt', 'darmstadt'],
    ['Landkreis Darmstadt-Dieburg', 'darmstadt-dieburg'],
    ['Frankfurt', 'frankfurt'],
    ['Kreis Bergstraße', 'bergstrasse'],
    ['Kreis Groß–Gerau', 'gross-gerau'],
    ['Landkreis Giessen', 'giessen'],
    ['Hochtaunuskreis', 'hochtaunuskreis'],
  ])('reads „%s“ as %s', (written, id) => {
    expect(matchDistrictName(written).map((district) => district.id)).toEqual([id]);
  });

  it('finds every one of the 26 partners by its label and by its name as printed', () => {
    for (const district of DISTRICTS) {
      expect(matchDistrictName(partnerLabel(district)).map((found) => found.id)).toEqual([district.id]);
    }
    const csv = DISTRICTS.map((district, index) => `${partnerLabel(district)};${index + 1}.000,00`).join('\n');
    const table = parseAllocationCsv(csv);
    expect(table.messages).toEqual([]);
    expect(new Set(table.rows.map((row) => row.districtId)).size).toBe(26);
    expect(table.sumCents).toBe(((26 * 27) / 2) * 100_000);
  });
});
