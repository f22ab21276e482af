import { STATUS_LABELS } from '../../shared/api.js';
import { formatDate } from '../../shared/format.js';
import type { Board } from '../../shared/rounds/types.js';
import { berlinIsoDate } from '../../shared/signoff.js';

/**
 * The board as CSV that Excel in a German locale opens as it is: UTF-8 with a byte order mark
 * (else Excel reads Windows-1252 and breaks „ß"), semicolons (the German list separator), German
 * numbers („462.800,00") and dates („23.07.2024"), CRLF line ends, and fields quoted only where
 * needed (RFC 4180: a separator, quote or line break inside).
 */
const BOM = '\uFEFF';

const HEADER = [
  'Kreis/Stadt',
  'Regierungsbezirk',
  'Status',
  'Betrag (Euro)',
  'Projekte',
  'Offene Kommentare',
  'Letzte Aktivität',
  'Letzte Aktivität von',
  'Unterzeichnet Ministerium',
  'Unterzeichnet Kreis/Stadt',
  'Überfällig',
];

/** 46280000 → "462.800,00": always two decimals, so that Excel reads a number, not a date or text. */
export function germanAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One text cell: quoted when it holds a separator, a quote or a line break; and a leading
 * `= + - @` is escaped with an apostrophe, so a name typed by a user never runs as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const yesNo = (value: boolean) => (value ? 'ja' : 'nein');

export function boardCsv(board: Board): string {
  const lines = [HEADER.map(csvCell).join(';')];
  for (const row of board.rows) {
    lines.push(
      [
        csvCell(row.districtName),
        csvCell(row.regierungsbezirk),
        csvCell(STATUS_LABELS[row.status]),
        germanAmount(row.amountCents),
        String(row.projects),
        String(row.openThreads),
        row.lastActivityAt === null ? '' : formatDate(berlinIsoDate(row.lastActivityAt)),
        csvCell(row.lastActivityBy ?? ''),
        yesNo(row.signed.ministry),
        yesNo(row.signed.district),
        yesNo(row.overdue),
      ].join(';'),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

export function boardCsvFilename(board: Board): string {
  return `aqb-${board.year}-uebersicht.csv`;
}
