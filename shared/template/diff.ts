import { BLOCK_LABELS } from './blockLabels.js';
import { TEMPLATE_NODES, type TemplateNodeJSON } from './model.js';
import { isPlaceholderKey, placeholderSpec, type PlaceholderKey } from './placeholders.js';
import { BLOCK_IDS, type BlockId } from './types.js';

/** One run of a block's comparison: words both versions share, or that only one of them has. */
export interface DiffOp {
  op: 'same' | 'insert' | 'delete';
  text: string;
  /** Set when the run is one placeholder; `text` is then its label in angle quotes („‹Jahr›“). */
  placeholder?: PlaceholderKey;
}

export interface BlockDiff {
  blockId: BlockId;
  label: string;
  changed: boolean;
  ops: DiffOp[];
}

interface Token {
  text: string;
  placeholder?: PlaceholderKey;
}

/** A placeholder as the compare view prints it; `upper` shows as a capital first letter. */
function placeholderToken(node: TemplateNodeJSON): Token {
  const key = node.attrs?.key;
  if (!isPlaceholderKey(key)) return { text: '‹?›' };
  const label = placeholderSpec(key).label;
  return { text: `‹${node.attrs?.upper === true ? `${label}, groß` : label}›`, placeholder: key };
}

/**
 * A block as tokens: words with the white space before them, placeholders as one token each,
 * paragraphs separated by a blank line. Bold is not compared (the words are).
 */
function tokensOf(section: TemplateNodeJSON | undefined): Token[] {
  const tokens: Token[] = [];
  (section?.content ?? []).forEach((piece, index) => {
    let pending = index > 0 ? '\n\n' : '';
    for (const node of piece.content ?? []) {
      if (node.type === TEMPLATE_NODES.placeholder) {
        const token = placeholderToken(node);
        tokens.push({ ...token, text: pending + token.text });
        pending = '';
      } else if (node.type === TEMPLATE_NODES.hardBreak) {
        pending += '\n';
      } else {
        const text = node.text ?? '';
        for (const match of text.matchAll(/\s*\S+/g)) {
          tokens.push({ text: pending + match[0] });
          pending = '';
        }
        // White space at the end of a text node belongs to the token that follows it.
        pending += /\s*$/.exec(text)?.[0] ?? '';
      }
    }
  });
  return tokens;
}

/** Longest common subsequence of two token lists, as a list of ops (blocks are a few hundred words). */
function diffTokens(a: Token[], b: Token[]): DiffOp[] {
  const same = (x: Token, y: Token) => x.text.trim() === y.text.trim() && x.placeholder === y.placeholder;
  const lengths: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as Uint32Array;
      row[j] = same(a[i] as Token, b[j] as Token) ? (lengths[i + 1] as Uint32Array)[j + 1]! + 1 : Math.max((lengths[i + 1] as Uint32Array)[j]!, row[j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], token: Token) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op && !last.placeholder && !token.placeholder) last.text += token.text;
    else ops.push(token.placeholder ? { op, text: token.text, placeholder: token.placeholder } : { op, text: token.text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i] as Token, b[j] as Token)) {
      push('same', b[j] as Token);
      i++;
      j++;
    } else if ((lengths[i + 1] as Uint32Array)[j]! >= (lengths[i] as Uint32Array)[j + 1]!) {
      push('delete', a[i++] as Token);
    } else {
      push('insert', b[j++] as Token);
    }
  }
  while (i < a.length) push('delete', a[i++] as Token);
  while (j < b.length) push('insert', b[j++] as Token);
  return ops;
}

function sectionOf(content: TemplateNodeJSON, blockId: BlockId): TemplateNodeJSON | undefined {
  return content.content?.find((section) => section.type === TEMPLATE_NODES.section && section.attrs?.blockId === blockId);
}

/** The differences between two versions' documents, block by block, word by word (a → b). */
export function diffTemplates(a: TemplateNodeJSON, b: TemplateNodeJSON): BlockDiff[] {
  return BLOCK_IDS.map((blockId) => {
    const ops = diffTokens(tokensOf(sectionOf(a, blockId)), tokensOf(sectionOf(b, blockId)));
    return { blockId, label: BLOCK_LABELS[blockId], changed: ops.some((op) => op.op !== 'same'), ops };
  });
}
