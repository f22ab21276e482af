/**
 * Amounts in tables and totals: always with cents and the Euro sign, so that a column of figures
 * lines up („462.800,00 €", DIN 5008). The agreement's text keeps shared/format.ts' „462.800 Euro".
 */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}\u00a0€`;
}

/** „1 Projekt", „3 Projekte" … */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;
}
