import { BLOCK_LABELS } from './blockLabels.js';
import { isPieceKind } from './compile.js';
import { TEMPLATE_NODES, type TemplateNodeJSON } from './model.js';
import { isPlaceholderKey } from './placeholders.js';
import { BLOCK_IDS, isBlockId, type BlockId } from './types.js';

/** Longest document text a version may hold, in characters (the 2024 text has about 6 000). */
export const MAX_TEMPLATE_CHARS = 100_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const label = (blockId: BlockId) => `„${BLOCK_LABELS[blockId]}“`;

/** Problems of one inline node, or of its marks. */
function inlineProblems(node: unknown, where: string): string[] {
  if (!isRecord(node)) return [`${where}: unbekannter Inhalt.`];
  const marks = node.marks;
  if (marks !== undefined && (!Array.isArray(marks) || marks.some((mark) => !isRecord(mark) || mark.type !== TEMPLATE_NODES.bold))) {
    return [`${where}: nur Fettdruck ist als Auszeichnung erlaubt.`];
  }
  if (node.type === 'text') return typeof node.text === 'string' && node.text !== '' ? [] : [`${where}: leerer Text.`];
  if (node.type === TEMPLATE_NODES.hardBreak) return [];
  if (node.type === TEMPLATE_NODES.placeholder) {
    const attrs = isRecord(node.attrs) ? node.attrs : {};
    if (!isPlaceholderKey(attrs.key)) return [`${where}: unbekannter Platzhalter „${String(attrs.key)}“.`];
    return attrs.upper === undefined || typeof attrs.upper === 'boolean' ? [] : [`${where}: ungültiger Platzhalter „${attrs.key}“.`];
  }
  return [`${where}: „${String(node.type)}“ ist in einer Vorlage nicht erlaubt.`];
}

/** Whether a piece prints anything but white space. */
function printsSomething(piece: Record<string, unknown>): boolean {
  const content = Array.isArray(piece.content) ? (piece.content as unknown[]) : [];
  return content.some((node) => isRecord(node) && (node.type === TEMPLATE_NODES.placeholder || (typeof node.text === 'string' && node.text.trim() !== '')));
}

function sectionProblems(section: Record<string, unknown>, blockId: BlockId): string[] {
  const pieces = Array.isArray(section.content) ? (section.content as unknown[]) : [];
  if (pieces.length === 0) return [`Der Abschnitt ${label(blockId)} ist leer.`];
  const problems: string[] = [];
  pieces.forEach((piece, index) => {
    const where = `${BLOCK_LABELS[blockId]}, Absatz ${index + 1}`;
    if (!isRecord(piece) || piece.type !== TEMPLATE_NODES.piece) return void problems.push(`${where}: nur Absätze sind erlaubt.`);
    if (!isPieceKind(isRecord(piece.attrs) ? piece.attrs.kind : undefined)) problems.push(`${where}: unbekannte Absatzart.`);
    if (piece.content !== undefined && !Array.isArray(piece.content)) return void problems.push(`${where}: unbekannter Inhalt.`);
    if (!printsSomething(piece)) problems.push(`${where}: leerer Absatz.`);
    for (const node of (piece.content as unknown[] | undefined) ?? []) problems.push(...inlineProblems(node, where));
  });
  return problems;
}

/**
 * Checks a version's document before it is published (and the shape of a draft while it is
 * edited): every block present once and in order, only allowed nodes and marks, only known
 * placeholders, no empty block or paragraph. Returns German messages, empty when it may be published.
 */
export function validateTemplateContent(json: unknown): string[] {
  if (!isRecord(json) || json.type !== TEMPLATE_NODES.doc || !Array.isArray(json.content)) return ['Die Vorlage ist kein Vorlagendokument.'];
  if (JSON.stringify(json).length > MAX_TEMPLATE_CHARS * 4) return ['Die Vorlage ist zu lang.'];
  const sections = json.content as unknown[];
  const ids = sections.map((section) => (isRecord(section) && section.type === TEMPLATE_NODES.section && isRecord(section.attrs) ? section.attrs.blockId : undefined));
  const problems: string[] = [];
  for (const blockId of BLOCK_IDS) {
    const count = ids.filter((id) => id === blockId).length;
    if (count === 0) problems.push(`Der Abschnitt ${label(blockId)} fehlt.`);
    if (count > 1) problems.push(`Der Abschnitt ${label(blockId)} kommt ${count}-mal vor.`);
  }
  if (ids.some((id) => !isBlockId(id))) problems.push('Die Vorlage enthält einen unbekannten Abschnitt.');
  if (problems.length === 0 && ids.some((id, index) => id !== BLOCK_IDS[index])) problems.push('Die Abschnitte stehen nicht in der festen Reihenfolge.');
  if (problems.length > 0) return problems;
  return sections.flatMap((section, index) => sectionProblems(section as Record<string, unknown>, BLOCK_IDS[index] as BlockId));
}

/** Whether a JSON value is a template document at all (for narrowing after validation). */
export function isTemplateDocument(json: unknown): json is TemplateNodeJSON {
  return validateTemplateContent(json).length === 0;
}
