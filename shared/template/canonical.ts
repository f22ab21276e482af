import { TEMPLATE_NODES, type TemplateNodeJSON } from './model.js';
import type { Ministry } from './types.js';

/**
 * The canonical form of a version: what its SHA-256 is computed over. Keys in a fixed order, only
 * the attributes the schema knows, adjacent text of the same weight joined, so that the same text
 * edited in two ways (or read from a live document or from JSON) hashes the same.
 *
 * The rule: `sha256` of a published version = lowercase hex SHA-256 of the UTF-8 bytes of
 * `canonicalTemplateText({ version, ministry, content })`.
 */
export function canonicalContent(node: TemplateNodeJSON): TemplateNodeJSON {
  const attrs = canonicalAttrs(node);
  const marks = node.marks && node.marks.length > 0 ? node.marks.map((mark) => ({ type: mark.type })) : undefined;
  const content = node.content ? joinText(node.content.map(canonicalContent)) : undefined;
  return {
    type: node.type,
    ...(attrs ? { attrs } : {}),
    ...(marks ? { marks } : {}),
    ...(node.text !== undefined ? { text: node.text } : {}),
    ...(content && content.length > 0 ? { content } : {}),
  };
}

function canonicalAttrs(node: TemplateNodeJSON): Record<string, unknown> | undefined {
  const attrs = node.attrs ?? {};
  if (node.type === TEMPLATE_NODES.section) return { blockId: attrs.blockId };
  if (node.type === TEMPLATE_NODES.piece) return { kind: attrs.kind };
  if (node.type === TEMPLATE_NODES.placeholder) return { key: attrs.key, upper: attrs.upper === true };
  return undefined;
}

const weight = (node: TemplateNodeJSON) => JSON.stringify(node.marks ?? []);

function joinText(nodes: TemplateNodeJSON[]): TemplateNodeJSON[] {
  const joined: TemplateNodeJSON[] = [];
  for (const node of nodes) {
    const last = joined[joined.length - 1];
    if (node.type === 'text' && node.text === '') continue;
    if (last && last.type === 'text' && node.type === 'text' && weight(last) === weight(node)) joined[joined.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    else joined.push(node);
  }
  return joined;
}

export function canonicalMinistry(ministry: Ministry): Ministry {
  const { name, abbreviation, nominative, genitive, dative, seat } = ministry;
  return { name, abbreviation, nominative, genitive, dative, seat };
}

export function canonicalTemplateText(detail: { version: string; ministry: Ministry; content: TemplateNodeJSON }): string {
  return JSON.stringify({ version: detail.version, ministry: canonicalMinistry(detail.ministry), content: canonicalContent(detail.content) });
}
