import type { NewTemplateDraftRequest, TemplateDraftChange } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';
import { fail } from '../errors.js';

/** Bodies of POST /api/templates and PATCH /api/templates/:version, checked (400 in German). */
export type NewDraftRequest = NewTemplateDraftRequest;
export type DraftChange = TemplateDraftChange;

/** A version id: lower case, digits and hyphens, as it appears in URLs and agreement records. */
export const VERSION_ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
const MAX_LABEL = 80;
const MAX_NAME = 200;
const MINISTRY_FIELDS = ['name', 'abbreviation', 'nominative', 'genitive', 'dative', 'seat'] as const;
const MINISTRY_LABELS: Record<(typeof MINISTRY_FIELDS)[number], string> = {
  name: 'Name',
  abbreviation: 'Abkürzung',
  nominative: 'Nominativ',
  genitive: 'Genitiv',
  dative: 'Dativ',
  seat: 'Sitz',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).find((key) => !allowed.includes(key));
  if (extra !== undefined) fail(400, `Unbekanntes Feld „${extra}“.`, `unknown field ${extra}`);
}

function label(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(400, 'Bezeichnung: Bitte eine Bezeichnung angeben, z. B. „AQB 2026“.', 'missing label');
  if (value.length > MAX_LABEL) fail(400, `Bezeichnung: höchstens ${MAX_LABEL} Zeichen.`, 'label too long');
  return value.trim();
}

export function checkNewDraft(body: unknown): NewDraftRequest {
  if (!isRecord(body)) fail(400, 'Bitte Grundlage, Kennung und Bezeichnung der neuen Fassung senden.', 'body is no object');
  onlyKeys(body, ['from', 'version', 'label']);
  if (typeof body.from !== 'string' || body.from === '') fail(400, 'Grundlage: Bitte die Fassung angeben, die kopiert wird.', 'missing from');
  if (typeof body.version !== 'string' || !VERSION_ID.test(body.version)) {
    fail(400, 'Kennung: nur Kleinbuchstaben, Ziffern und Bindestriche, 3 bis 64 Zeichen, z. B. „aqb-2026“.', `invalid version id ${String(body.version)}`);
  }
  return { from: body.from, version: body.version, label: label(body.label) };
}

function ministry(value: unknown): Ministry {
  if (!isRecord(value)) fail(400, 'Ministerium: Bitte alle Namensformen angeben.', 'ministry is no object');
  onlyKeys(value, MINISTRY_FIELDS);
  for (const field of MINISTRY_FIELDS) {
    const text = value[field];
    if (typeof text !== 'string' || text.trim() === '') fail(400, `Ministerium: Bitte „${MINISTRY_LABELS[field]}“ angeben.`, `ministry.${field} missing`);
    if (text.length > MAX_NAME) fail(400, `Ministerium: „${MINISTRY_LABELS[field]}“ hat mehr als ${MAX_NAME} Zeichen.`, `ministry.${field} too long`);
  }
  const read = (field: (typeof MINISTRY_FIELDS)[number]) => (value[field] as string).trim();
  return { name: read('name'), abbreviation: read('abbreviation'), nominative: read('nominative'), genitive: read('genitive'), dative: read('dative'), seat: read('seat') };
}

export function checkDraftChange(body: unknown): DraftChange {
  if (!isRecord(body)) fail(400, 'Bitte Bezeichnung oder Namen des Ministeriums senden.', 'body is no object');
  onlyKeys(body, ['label', 'ministry']);
  if (body.label === undefined && body.ministry === undefined) fail(400, 'Bitte Bezeichnung oder Namen des Ministeriums senden.', 'empty change');
  return { ...(body.label !== undefined ? { label: label(body.label) } : {}), ...(body.ministry !== undefined ? { ministry: ministry(body.ministry) } : {}) };
}
