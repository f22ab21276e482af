import { districtLabel, findDistrict } from '../districts.js';
import { LAYOUT_CONTROL } from '../editor/entryRules.js';
import { validateAmountCents } from '../fields.js';
import { invalid, isRecord, onlyKeys, runCheck, type Checked } from '../validation/fieldChecks.js';
import type { AddRoundAgreementsRequest, CreateRoundRequest, RoundAgreementInput, SignatoryInput } from './types.js';
import { BUILT_IN_TEMPLATE_VERSIONS } from '../template/index.js';

/**
 * Pure checks of the round's request bodies, used by the server (authoritative) and the form.
 * Each answers the first problem with a German message that names the field, so the ministry
 * knows where to look: „Frist: Bitte ein Datum angeben …".
 */
export type { Checked } from '../validation/fieldChecks.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_NAME = 200;
const MAX_LINES = 6;

/** „Landkreis Fulda", „Stadt Kassel": how messages and the board name a partner. */
export { districtLabel };

function text(value: unknown, field: string, label: string, max = MAX_NAME): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(field, label, 'Bitte ausfüllen.');
  const trimmed = value.trim();
  if (trimmed.length > max) invalid(field, label, `Höchstens ${max} Zeichen.`);
  if (LAYOUT_CONTROL.test(trimmed)) invalid(field, label, 'Enthält unzulässige Steuerzeichen.');
  return trimmed;
}

function signatory(value: unknown, field: string, label: string): SignatoryInput {
  if (!isRecord(value)) invalid(field, label, 'Bitte Name, Funktion und Ort angeben.');
  onlyKeys(value, ['name', 'functionLines', 'place'], field, label);
  const name = text(value.name, `${field}.name`, `${label}, Name`);
  const lines = value.functionLines;
  if (!Array.isArray(lines) || lines.length === 0) invalid(`${field}.functionLines`, `${label}, Funktion`, 'Bitte mindestens eine Zeile angeben.');
  if (lines.length > MAX_LINES) invalid(`${field}.functionLines`, `${label}, Funktion`, `Höchstens ${MAX_LINES} Zeilen.`);
  const functionLines = lines.map((line: unknown, i) => text(line, `${field}.functionLines.${i}`, `${label}, Funktion Zeile ${i + 1}`));
  const place = text(value.place, `${field}.place`, `${label}, Ort`, 100);
  return { name, functionLines, place };
}

function agreementItems(value: unknown): RoundAgreementInput[] {
  if (!Array.isArray(value) || value.length === 0) invalid('agreements', 'Vereinbarungen', 'Bitte mindestens einen Kreis oder eine Stadt auswählen.');
  const seen = new Set<string>();
  return value.map((item: unknown, i): RoundAgreementInput => {
    const field = `agreements.${i}`;
    const position = `Vereinbarung ${i + 1}`;
    if (!isRecord(item)) invalid(field, position, 'Bitte Kreis, Betrag und Unterzeichner angeben.');
    const district = typeof item.districtId === 'string' ? findDistrict(item.districtId) : undefined;
    if (!district) invalid(`${field}.districtId`, position, `Unbekannter Kreis bzw. unbekannte Stadt „${String(item.districtId)}".`);
    const label = districtLabel(district);
    onlyKeys(item, ['districtId', 'amountCents', 'signatory'], field, label);
    if (seen.has(district.id)) invalid(`${field}.districtId`, label, 'Ist in der Runde doppelt aufgeführt.');
    seen.add(district.id);
    const amountProblem = validateAmountCents(item.amountCents);
    if (amountProblem) invalid(`${field}.amountCents`, `${label}, Betrag`, amountProblem);
    return { districtId: district.id, amountCents: item.amountCents as number, signatory: signatory(item.signatory, `${field}.signatory`, `${label}, Unterzeichner/in`) };
  });
}

/** A year of a round or in a URL, or a German message. */
export function yearProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    return `Bitte ein Jahr zwischen ${MIN_YEAR} und ${MAX_YEAR} angeben.`;
  }
  return null;
}

/** An ISO date "YYYY-MM-DD" that exists in the calendar. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * `published`: the template versions a round may use, as the server's store holds them (the client
 * checks against the versions it has loaded; the server decides).
 */
export function checkCreateRound(body: unknown, published: ReadonlySet<string> = BUILT_IN_TEMPLATE_VERSIONS): Checked<CreateRoundRequest> {
  return runCheck(() => {
    if (!isRecord(body)) invalid('', 'Anfrage', 'Bitte die Angaben der Runde senden.');
    onlyKeys(body, ['year', 'templateVersion', 'deadline', 'carryOver', 'ministrySignatory', 'agreements'], '', 'Anfrage');
    const yearMessage = yearProblem(body.year);
    if (yearMessage) invalid('year', 'Jahr', yearMessage);
    const year = body.year as number;
    if (typeof body.templateVersion !== 'string' || !published.has(body.templateVersion)) {
      invalid('templateVersion', 'Vorlage', `Unbekannte Vorlagenversion „${String(body.templateVersion)}".`);
    }
    if (!isIsoDate(body.deadline)) invalid('deadline', 'Frist', 'Bitte ein Datum im Format JJJJ-MM-TT angeben.');
    if (body.carryOver !== 'previous' && body.carryOver !== 'none') {
      invalid('carryOver', 'Projektliste', 'Bitte „previous" (aus dem Vorjahr übernehmen) oder „none" (leer beginnen) wählen.');
    }
    const ministrySignatory = signatory(body.ministrySignatory, 'ministrySignatory', 'Unterzeichner/in des Ministeriums');
    const agreements = agreementItems(body.agreements);
    return { year, templateVersion: body.templateVersion, deadline: body.deadline, carryOver: body.carryOver, ministrySignatory, agreements };
  });
}

export function checkAddRoundAgreements(body: unknown): Checked<AddRoundAgreementsRequest> {
  return runCheck(() => {
    if (!isRecord(body)) invalid('', 'Anfrage', 'Bitte die Vereinbarungen senden.');
    onlyKeys(body, ['agreements'], '', 'Anfrage');
    return { agreements: agreementItems(body.agreements) };
  });
}
