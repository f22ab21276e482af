import type { AgreementFields } from '../fields.js';
import { formatEuro } from '../format.js';
import type { Ministry } from './types.js';

/**
 * The values a template's placeholder nodes stand for. A placeholder is a node in the template
 * document (shared/template/model.ts), never text that looks like one; its value comes from the
 * agreement's fields or from the version's ministry names when the text is rendered.
 */
export const PLACEHOLDER_KEYS = [
  'year',
  'amount',
  'grantingAuthority',
  'partnerNominative',
  'partnerGenitive',
  'partnerDative',
  'partnerAccusative',
  'partnerNominativeBare',
  'partnerGenitiveBare',
  'partnerDativeBare',
  'partnerAccusativeBare',
  'ministryName',
  'ministryNominative',
  'ministryGenitive',
  'ministryDative',
  'ministryAbbreviation',
] as const;

export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];

export function isPlaceholderKey(value: unknown): value is PlaceholderKey {
  return typeof value === 'string' && (PLACEHOLDER_KEYS as readonly string[]).includes(value);
}

/** The article that opens a partner form ("der Landkreis Fulda" → "Landkreis Fulda"). */
const ARTICLE = /^(der|die|das|des|dem|den)\s+/;

/**
 * The partner without its article. Derived from the stored forms rather than from the district
 * list, so agreements whose fields were written before bare forms existed render them too.
 */
export function withoutArticle(form: string): string {
  return form.replace(ARTICLE, '');
}

export interface PlaceholderSpec {
  key: PlaceholderKey;
  /** German label in the editor's placeholder menu. */
  label: string;
  /** The menu's group heading. */
  group: 'Runde' | 'Partner' | 'Ministerium';
  /** What the placeholder prints, for a Landkreis and 2025 ("dem Landkreis Fulda"). */
  example: string;
  value: (fields: AgreementFields, ministry: Ministry) => string;
}

const spec = (key: PlaceholderKey, group: PlaceholderSpec['group'], label: string, example: string, value: PlaceholderSpec['value']): PlaceholderSpec => ({
  key,
  group,
  label,
  example,
  value,
});

/** The catalogue, in the order of the editor's menu. */
export const PLACEHOLDERS: readonly PlaceholderSpec[] = [
  spec('year', 'Runde', 'Jahr', '2025', (f) => String(f.year)),
  spec('amount', 'Runde', 'Betrag (§ 4)', '462.800 Euro', (f) => formatEuro(f.amountCents)),
  spec('grantingAuthority', 'Runde', 'Bewilligungsbehörde', 'Regierungspräsidium Kassel', (f) => f.grantingAuthority),
  spec('partnerNominative', 'Partner', 'Partner, Nominativ mit Artikel', 'der Landkreis Fulda', (f) => f.partner.nominative),
  spec('partnerGenitive', 'Partner', 'Partner, Genitiv mit Artikel', 'des Landkreises Fulda', (f) => f.partner.genitive),
  spec('partnerDative', 'Partner', 'Partner, Dativ mit Artikel', 'dem Landkreis Fulda', (f) => f.partner.dative),
  spec('partnerAccusative', 'Partner', 'Partner, Akkusativ mit Artikel', 'den Landkreis Fulda', (f) => f.partner.accusative),
  spec('partnerNominativeBare', 'Partner', 'Partner, Nominativ ohne Artikel', 'Landkreis Fulda', (f) => withoutArticle(f.partner.nominative)),
  spec('partnerGenitiveBare', 'Partner', 'Partner, Genitiv ohne Artikel', 'Landkreises Fulda', (f) => withoutArticle(f.partner.genitive)),
  spec('partnerDativeBare', 'Partner', 'Partner, Dativ ohne Artikel', 'Landkreis Fulda', (f) => withoutArticle(f.partner.dative)),
  spec('partnerAccusativeBare', 'Partner', 'Partner, Akkusativ ohne Artikel', 'Landkreis Fulda', (f) => withoutArticle(f.partner.accusative)),
  spec('ministryName', 'Ministerium', 'Ministerium, Name', 'Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales', (_f, m) => m.name),
  spec('ministryNominative', 'Ministerium', 'Ministerium, Nominativ', 'das Hessische Ministerium für …', (_f, m) => m.nominative),
  spec('ministryGenitive', 'Ministerium', 'Ministerium, Genitiv', 'des Hessischen Ministeriums für …', (_f, m) => m.genitive),
  spec('ministryDative', 'Ministerium', 'Ministerium, Dativ', 'dem Hessischen Ministerium für …', (_f, m) => m.dative),
  spec('ministryAbbreviation', 'Ministerium', 'Ministerium, Abkürzung', 'HMSI', (_f, m) => m.abbreviation),
];

const BY_KEY = new Map<string, PlaceholderSpec>(PLACEHOLDERS.map((p) => [p.key, p]));

export function placeholderSpec(key: PlaceholderKey): PlaceholderSpec {
  const found = BY_KEY.get(key);
  if (!found) throw new RangeError(`unknown placeholder: ${key}`);
  return found;
}

/** "der Landkreis X" → "Der Landkreis X" at the start of a sentence. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The text a placeholder prints for these fields and this ministry. */
export function placeholderValue(key: PlaceholderKey, upper: boolean, fields: AgreementFields, ministry: Ministry): string {
  const value = placeholderSpec(key).value(fields, ministry);
  return upper ? capitalise(value) : value;
}
