/** German (DIN 5008) formats for money and dates, independent of the runtime's ICU data. */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 46280000 cents → "462.800 Euro"; 123456 → "1.234,56 Euro". Round sums carry no ",00". */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount must be a whole number of cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = groupThousands(String(Math.floor(abs / 100)));
  const rest = abs % 100;
  return rest === 0 ? `${sign}${euros} Euro` : `${sign}${euros},${String(rest).padStart(2, '0')} Euro`;
}

/**
 * Parses what a person types for an amount in Euro: "462.800", "462800", "462.800,50", "462800,5 Euro".
 * Returns cents, or null when the input is not an amount.
 */
export function parseEuro(input: string): number | null {
  const text = input.trim().replace(/\s*(€|Euro|EUR)$/i, '').replace(/\s/g, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const euros = Number((match[1] ?? '').replace(/\./g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

/** ISO date "2024-07-23" → "23.07.2024". */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** Server time → "25.11.2026, 14:03 Uhr" in German local time. */
export function formatDateTime(epochMs: number): string {
  const get = berlinParts(epochMs, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${get('day')}.${get('month')}.${get('year')}, ${get('hour')}:${get('minute')} Uhr`;
}

/** 12345 → "12.345": whole numbers with the German thousands separator. */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  return `${sign}${groupThousands(String(Math.trunc(Math.abs(n))))}`;
}

function berlinParts(epochMs: number, options: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options }).formatToParts(new Date(epochMs));
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** Server time → ISO date ("2026-11-25") in German local time, the date a signature carries. */
export function berlinIsoDate(epochMs: number): string {
  const get = berlinParts(epochMs, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "gerade eben", "vor 5 Minuten", "vor 2 Stunden"; older than a day: "25.11.2026, 14:03 Uhr". */
export function formatSince(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return 'gerade eben';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'vor 1 Minute' : `vor ${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? 'vor 1 Stunde' : `vor ${hours} Stunden`;
  return formatDateTime(at);
}
