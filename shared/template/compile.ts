import type { AgreementFields } from '../fields.js';
import { TEMPLATE_NODES, type TemplateNodeJSON } from './model.js';
import { isPlaceholderKey, placeholderValue } from './placeholders.js';
import { BLOCK_IDS, isBlockId, type BlockId, type Ministry, type Piece, type PieceKind, type Run, type Template } from './types.js';

/** What a compiled version needs: its id, its ministry names and its document. */
export interface TemplateSource {
  version: string;
  ministry: Ministry;
  content: TemplateNodeJSON;
}

const PIECE_KINDS: readonly PieceKind[] = ['letterhead', 'title', 'titleLine', 'sectionNumber', 'heading', 'subheading', 'text', 'amount'];

export function isPieceKind(value: unknown): value is PieceKind {
  return typeof value === 'string' && (PIECE_KINDS as readonly string[]).includes(value);
}

const isBold = (node: TemplateNodeJSON) => (node.marks ?? []).some((mark) => mark.type === TEMPLATE_NODES.bold);

/** The text one inline node prints. Unknown nodes are refused: validation keeps them out of published versions. */
function inlineText(node: TemplateNodeJSON, fields: AgreementFields, ministry: Ministry): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === TEMPLATE_NODES.hardBreak) return '\n';
  if (node.type === TEMPLATE_NODES.placeholder) {
    const key = node.attrs?.key;
    if (!isPlaceholderKey(key)) throw new RangeError(`unknown placeholder: ${String(key)}`);
    return placeholderValue(key, node.attrs?.upper === true, fields, ministry);
  }
  throw new RangeError(`unknown inline node: ${node.type}`);
}

/** A piece's runs: adjacent inline nodes of the same weight become one run. */
function runsOf(piece: TemplateNodeJSON, fields: AgreementFields, ministry: Ministry): Run[] {
  const runs: Run[] = [];
  for (const node of piece.content ?? []) {
    const text = inlineText(node, fields, ministry);
    const bold = isBold(node);
    const last = runs[runs.length - 1];
    if (last && (last.bold ?? false) === bold) last.text += text;
    else runs.push(bold ? { text, bold } : { text });
  }
  return runs.length > 0 ? runs : [{ text: '' }];
}

function sectionsById(content: TemplateNodeJSON): Map<BlockId, TemplateNodeJSON> {
  const sections = new Map<BlockId, TemplateNodeJSON>();
  for (const section of content.content ?? []) {
    const blockId = section.attrs?.blockId;
    if (section.type === TEMPLATE_NODES.section && isBlockId(blockId) && !sections.has(blockId)) sections.set(blockId, section);
  }
  return sections;
}

/**
 * Turns a version's document into the `Template` the renderer uses (shared/agreementText.ts), so
 * screen, plain text, PDF and the signed hash all keep one rendering path. A block the document
 * lacks renders as nothing; publishing refuses such a document (validateTemplateContent).
 */
export function compileTemplate(source: TemplateSource): Template {
  const sections = sectionsById(source.content);
  const block = (blockId: BlockId) => (fields: AgreementFields, ministry: Ministry): Piece[] =>
    (sections.get(blockId)?.content ?? []).map((piece) => ({
      kind: isPieceKind(piece.attrs?.kind) ? piece.attrs.kind : 'text',
      runs: runsOf(piece, fields, ministry),
    }));
  const blocks = Object.fromEntries(BLOCK_IDS.map((id) => [id, block(id)])) as Template['blocks'];
  return { version: source.version, ministry: source.ministry, blocks };
}
