/**
 * The four official Maßnahmenarten of the AQB programme, with the headings printed in §5.
 * The numbers are the programme's own and are what the document stores.
 */
export type MeasureType = 1 | 2 | 3 | 4;

export const MEASURE_TYPES: Readonly<Record<MeasureType, string>> = {
  1: 'Ausbildungs- und Qualifizierungsvorbereitung (einschließlich gesundheitsfördernder Maßnahmen)',
  2: 'Ausbildung und Ausbildungscoaching in anerkannten Ausbildungsberufen',
  3: 'Qualifizierungsprojekte zur Arbeitsmarktintegration, Fachkräftesicherung',
  4: 'Weiterbildungsmaßnahmen für Personal der Landkreise und kreisfreien Städte in der fachlichen Verantwortung für Benachteiligte im Kontext der Arbeitsmarktförderung',
};

export const MEASURE_TYPE_NUMBERS: readonly MeasureType[] = [1, 2, 3, 4];

export function isMeasureType(value: unknown): value is MeasureType {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
