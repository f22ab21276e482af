import { describe, expect, it } from 'vitest';
import { boardCsv, csvCell, germanAmount } from '../../server/commands/boardCsv.js';
import type { Board, BoardRow } from '../../shared/rounds/types.js';

/** The board's CSV as Excel in a German locale reads it. */
const row: BoardRow = {
  agreementId: 'aqb-2025-werra-meissner-kreis',
  districtId: 'werra-meissner-kreis',
  districtName: 'Landkreis Werra-Meißner-Kreis',
  regierungsbezirk: 'Kassel',
  status: 'final',
  amountCents: 462_800_00,
  projects: 7,
  openThreads: 0,
  // 23.07.2024, 23:30 UTC is already the 24th in Berlin.
  lastActivityAt: Date.UTC(2024, 6, 23, 23, 30),
  lastActivityBy: 'Müller; "Fachdienst"',
  signed: { ministry: true, district: true },
  overdue: false,
};

describe('the board as CSV', () => {
  it('writes German amounts with two decimals and thousands points', () => {
    expect(germanAmount(462_800_00)).toBe('462.800,00');
    expect(germanAmount(1_234_56)).toBe('1.234,56');
    expect(germanAmount(5)).toBe('0,05');
    expect(germanAmount(100_000_000_00)).toBe('100.000.000,00');
  });

  it('quotes only where needed and never lets a cell run as a formula', () => {
    expect(csvCell('Landkreis Fulda')).toBe('Landkreis Fulda');
    expect(csvCell('A;B')).toBe('"A;B"');
    expect(csvCell('Sag "Hallo"')).toBe('"Sag ""Hallo"""');
    expect(csvCell('Zeile\nZwei')).toBe('"Zeile\nZwei"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
  });

  it('starts with a BOM, separates with semicolons, ends lines with CRLF, dates in Berlin time', () => {
    const board: Board = { year: 2025, deadline: '2025-06-30', totals: { amountCents: 0, agreements: 1, byStatus: { draft: 0, released: 0, 'partially-signed': 0, final: 1 } }, rows: [row] };
    const csv = boardCsv(board);
    expect(csv.startsWith('\uFEFFKreis/Stadt;Regierungsbezirk;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('Landkreis Werra-Meißner-Kreis;Kassel;Unterzeichnet;462.800,00;7;0;24.07.2024;"Müller; ""Fachdienst""";ja;ja;nein');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
