import { describe, expect, it } from 'vitest';
import { agreementTitle, ownNameForm } from '../../shared/agreementTitle.js';
import { berlinIsoDate, formatDate, formatDateTime, formatEuro, formatNumber, formatSince } from '../../shared/format.js';

describe('German formats (shared/format.ts)', () => {
  it('groups thousands with a dot, in counts and in amounts', () => {
    expect(formatNumber(5000)).toBe('5.000');
    expect(formatNumber(12345678)).toBe('12.345.678');
    expect(formatNumber(-1234)).toBe('-1.234');
    expect(formatEuro(46280000)).toBe('462.800 Euro');
    expect(formatEuro(123456)).toBe('1.234,56 Euro');
  });

  it('dates in German local time, also across midnight UTC', () => {
    const lateEvening = Date.UTC(2024, 6, 22, 22, 30); // 00:30 on 23 July in Berlin (summer time)
    expect(berlinIsoDate(lateEvening)).toBe('2024-07-23');
    expect(formatDate('2024-07-23')).toBe('23.07.2024');
    expect(formatDateTime(lateEvening)).toBe('23.07.2024, 00:30 Uhr');
  });

  it('says how long ago, then falls back to the date', () => {
    const now = Date.UTC(2026, 10, 25, 13, 3);
    expect(formatSince(now - 30_000, now)).toBe('gerade eben');
    expect(formatSince(now - 60_000, now)).toBe('vor 1 Minute');
    expect(formatSince(now - 5 * 60_000, now)).toBe('vor 5 Minuten');
    expect(formatSince(now - 2 * 3_600_000, now)).toBe('vor 2 Stunden');
    expect(formatSince(now - 25 * 3_600_000, now)).toBe('24.11.2026, 13:03 Uhr');
  });
});

describe('the agreement title (shared/agreementTitle.ts)', () => {
  it('names the year and the partner without its article', () => {
    expect(agreementTitle(2024, { dative: 'dem Werra-Meißner-Kreis' })).toBe('Zielvereinbarung 2024 – Werra-Meißner-Kreis');
    expect(agreementTitle(2025, { dative: 'der Stadt Kassel' })).toBe('Zielvereinbarung 2025 – Stadt Kassel');
  });

  it('names a district by its own name form: no "Landkreis" before a name that is a Kreis already', () => {
    expect(agreementTitle(2024, { dative: 'dem Landkreis Werra-Meißner-Kreis' })).toBe('Zielvereinbarung 2024 – Werra-Meißner-Kreis');
    expect(agreementTitle(2024, { dative: 'dem Landkreis Hochtaunuskreis' })).toBe('Zielvereinbarung 2024 – Hochtaunuskreis');
    expect(agreementTitle(2024, { dative: 'dem Landkreis Fulda' })).toBe('Zielvereinbarung 2024 – Landkreis Fulda');
    expect(agreementTitle(2024, { dative: 'dem Landkreis Kassel' })).toBe('Zielvereinbarung 2024 – Landkreis Kassel');
    expect(ownNameForm('den Landkreis Werra-Meißner-Kreis')).toBe('den Werra-Meißner-Kreis');
    expect(ownNameForm('die Stadt Kassel')).toBe('die Stadt Kassel');
  });
});
