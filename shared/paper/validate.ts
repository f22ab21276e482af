import { findDistrict } from '../districts.js';
import { LAYOUT_CONTROL } from '../editor/entryRules.js';
import { validateAmountCents } from '../fields.js';
import { districtLabel, isIsoDate, yearProblem } from '../rounds/validate.js';
import { invalid, isRecord, onlyKeys, runCheck, type Checked } from '../validation/fieldChecks.js';
import { parsePastedProjectList } from './projectListText.js';
import type { PaperAgreementRequest, PaperScanInput, PaperSignatoryInput } from './types.js';
import { BUILT_IN_TEMPLATE_VERSIONS } from '../template/index.js';

/**
 * The pure check of POST /api/agreements/paper, used by the server (authoritative) and the form.
 * The first problem is answered with a German message that names the field; a §5 list that
 * cannot be read names its first line (the form shows all of them from the parser itself).
 */

function text(value: unknown, field: string, label: string, max = 200, optional = false): string {
  if (optional && (value === undefined || value === '')) return '';
  if (typeof value !== 'string' || value.trim() === '') invalid(field, label, 'Bitte ausfüllen.');
  const trimmed = value.trim();
  if (trimmed.length > max) invalid(field, label, `Höchstens ${max} Zeichen.`);
  if (LAYOUT_CONTROL.test(trimmed)) invalid(field, label, 'Enthält unzulässige Steuerzeichen.');
  return trimmed;
}

function signatory(value: unknown, field: string, label: string): PaperSignatoryInput {
  if (!isRecord(value)) invalid(field, label, 'Bitte Name, Funktion, Ort und Datum wie auf dem Papier angeben.');
  onlyKeys(value, ['name', 'functionLines', 'place', 'date', 'mark'], field, label);
  const name = text(value.name, `${field}.name`, `${label}, Name`);
  const lines = value.functionLines;
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > 6) invalid(`${field}.functionLines`, `${label}, Funktion`, 'Bitte eine bis sechs Zeilen angeben.');
  const functionLines = lines.map((line: unknown, i) => text(line, `${field}.functionLines.${i}`, `${label}, Funktion Zeile ${i + 1}`));
  const place = text(value.place, `${field}.place`, `${label}, Ort`, 100);
  const date = value.date === undefined ? '' : value.date;
  if (date !== '' && !isIsoDate(date)) invalid(`${field}.date`, `${label}, Datum`, 'Bitte ein Datum im Format JJJJ-MM-TT angeben oder leer lassen, wenn das Papier keines trägt.');
  const mark = text(value.mark, `${field}.mark`, `${label}, Unterschriftsfeld`, 100, true);
  return { name, functionLines, place, date, mark };
}

function scan(value: unknown): PaperScanInput {
  if (!isRecord(value) || typeof value.base64 !== 'string' || value.base64 === '') invalid('scan', 'Scan', 'Bitte den unterschriebenen Scan (PDF) anhängen.');
  onlyKeys(value, ['filename', 'base64'], 'scan', 'Scan');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.base64)) invalid('scan.base64', 'Scan', 'Die Datei ist nicht lesbar übertragen worden.');
  return { filename: typeof value.filename === 'string' ? value.filename : 'scan.pdf', base64: value.base64 };
}

/** `published`: the template versions the store holds as published (see checkCreateRound). */
export function checkPaperAgreement(body: unknown, published: ReadonlySet<string> = BUILT_IN_TEMPLATE_VERSIONS): Checked<PaperAgreementRequest> {
  return runCheck(() => {
    if (!isRecord(body)) invalid('', 'Anfrage', 'Bitte die Angaben der Vereinbarung senden.');
    onlyKeys(body, ['districtId', 'year', 'templateVersion', 'amountCents', 'projectList', 'ministrySignatory', 'districtSignatory', 'scan'], '', 'Anfrage');
    const district = typeof body.districtId === 'string' ? findDistrict(body.districtId) : undefined;
    if (!district) invalid('districtId', 'Kreis/Stadt', `Unbekannter Kreis bzw. unbekannte Stadt „${String(body.districtId)}".`);
    const yearMessage = yearProblem(body.year);
    if (yearMessage) invalid('year', 'Jahr', yearMessage);
    if (typeof body.templateVersion !== 'string' || !published.has(body.templateVersion)) {
      invalid('templateVersion', 'Vorlage', `Unbekannte Vorlagenversion „${String(body.templateVersion)}".`);
    }
    const amountProblem = validateAmountCents(body.amountCents);
    if (amountProblem) invalid('amountCents', `${districtLabel(district)}, Betrag`, amountProblem);
    if (typeof body.projectList !== 'string') invalid('projectList', 'Projektliste (§ 5)', 'Bitte die Projektliste einfügen.');
    const list = parsePastedProjectList(body.projectList);
    if (!list.ok) invalid('projectList', 'Projektliste (§ 5)', list.problems[0]?.message ?? 'Nicht lesbar.');
    return {
      districtId: district.id,
      year: body.year as number,
      templateVersion: body.templateVersion,
      amountCents: body.amountCents as number,
      projectList: body.projectList,
      ministrySignatory: signatory(body.ministrySignatory, 'ministrySignatory', 'Unterschrift des Ministeriums'),
      districtSignatory: signatory(body.districtSignatory, 'districtSignatory', `Unterschrift ${districtLabel(district)}`),
      scan: scan(body.scan),
    };
  });
}
