import type { BlockId, PieceKind } from './types.js';
import { TEMPLATE_NODES, type TemplateNodeJSON } from './model.js';
import type { PlaceholderKey } from './placeholders.js';

/**
 * Small constructors for template documents written in code: the built-in versions
 * (shared/template/aqb2024.ts) and tests. They produce the JSON that ProseMirror's `toJSON()`
 * writes, so a document built here and one edited in the browser compare equal.
 */

/** An inline placeholder node; `upper` capitalises its first letter. */
export function ph(key: PlaceholderKey, upper = false): TemplateNodeJSON {
  return { type: TEMPLATE_NODES.placeholder, attrs: { key, upper } };
}

/** Plain text, with "\n" turned into hard breaks (ProseMirror has no empty text nodes). */
export function plain(value: string, bold = false): TemplateNodeJSON[] {
  return value.split('\n').flatMap((line, index) => [
    ...(index > 0 ? [{ type: TEMPLATE_NODES.hardBreak }] : []),
    ...(line === '' ? [] : [bold ? { type: 'text', text: line, marks: [{ type: TEMPLATE_NODES.bold }] } : { type: 'text', text: line }]),
  ]);
}

/** Bold inline content: text and placeholders get the bold mark. */
export function bold(...content: (string | TemplateNodeJSON)[]): TemplateNodeJSON[] {
  return content.flatMap((part) => (typeof part === 'string' ? plain(part, true) : [{ ...part, marks: [{ type: TEMPLATE_NODES.bold }] }]));
}

type Inline = string | TemplateNodeJSON | TemplateNodeJSON[];

/** Tagged template: `` t`Das ${ph('ministryAbbreviation')} stellt …` `` → inline nodes. */
export function t(strings: TemplateStringsArray, ...values: Inline[]): TemplateNodeJSON[] {
  return strings.flatMap((s, index) => {
    const value = values[index];
    const inline = value === undefined ? [] : typeof value === 'string' ? plain(value) : Array.isArray(value) ? value : [value];
    return [...plain(s), ...inline];
  });
}

export function piece(kind: PieceKind, ...content: Inline[]): TemplateNodeJSON {
  const inline = content.flatMap((part) => (typeof part === 'string' ? plain(part) : Array.isArray(part) ? part : [part]));
  return { type: TEMPLATE_NODES.piece, attrs: { kind }, ...(inline.length > 0 ? { content: inline } : {}) };
}

export function section(blockId: BlockId, ...pieces: TemplateNodeJSON[]): TemplateNodeJSON {
  return { type: TEMPLATE_NODES.section, attrs: { blockId }, content: pieces };
}

export function templateDoc(...sections: TemplateNodeJSON[]): TemplateNodeJSON {
  return { type: TEMPLATE_NODES.doc, content: sections };
}
