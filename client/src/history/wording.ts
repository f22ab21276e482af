import { formatDateTime, formatEuro } from '../../../shared/format.js';
import { isMeasureType, MEASURE_TYPES } from '../../../shared/measureTypes.js';
import type { Author, VersionKind, VersionSummary } from './types.js';

/** „von Anna Beispiel, 23.07.2024, 14:03 Uhr“: who and when, as far as the log knows. */
export function byAndWhen(by: readonly Author[], at: number | null): string {
  const names = by.map((author) => author.name);
  const who = names.length > 0 ? `von ${names.join(', ')}` : 'Urheber unbekannt';
  return at === null ? who : `${who}, ${formatDateTime(at)}`;
}

export const VERSION_KIND_LABELS: Readonly<Record<VersionKind, string>> = {
  release: 'Freigabe',
  reopen: 'Zurückgeholt',
  final: 'Endgültig',
  named: 'Gesichert',
  restore: 'Wiederhergestellt',
};

/** How a version is named in lists and selects: „Freigabe – 23.07.2024, 14:03 Uhr“ or its given name. */
export function versionLabel(version: VersionSummary): string {
  const name = version.name.trim() === '' ? VERSION_KIND_LABELS[version.kind] : version.name;
  return `${name} (${formatDateTime(version.createdAt)})`;
}

export function measureTypeName(measureType: number | undefined): string {
  return measureType !== undefined && isMeasureType(measureType) ? MEASURE_TYPES[measureType] : 'unbekannte Maßnahmenart';
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  amountCents: '§ 4 Betrag',
  grantingAuthority: 'Bewilligungsbehörde',
  year: 'Jahr',
  ministrySignatory: 'Unterzeichnung Ministerium',
  districtSignatory: 'Unterzeichnung Partner',
  partner: 'Partner',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A field's value as the document prints it: amounts in Euro, texts as they are, the rest as JSON. */
export function fieldValue(field: string, value: unknown): string {
  if (field === 'amountCents' && typeof value === 'number' && Number.isSafeInteger(value)) return formatEuro(value);
  if (value === null || value === undefined || value === '') return '(leer)';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
