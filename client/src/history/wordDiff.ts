import type { WordOp } from './types.js';

type Op = WordOp['op'];

const TAG: Readonly<Record<Op, 'span' | 'ins' | 'del'>> = { same: 'span', insert: 'ins', delete: 'del' };
/** Read before an insertion or deletion: ins and del are not announced by every screen reader. */
export const SPOKEN = { same: '', insert: 'eingefügt: ', delete: 'gelöscht: ' } as const satisfies Readonly<Record<Op, string>>;

/**
 * The parts of a word diff as they are shown: whitespace at the edges of an insertion or deletion
 * stands outside it (an underlined space reads as a change of its own), and a deletion right before
 * an insertion („<del>alt</del> <ins>neu</ins>") is kept apart by a space.
 */
export function spacedWords(words: readonly WordOp[]): WordOp[] {
  const parts: WordOp[] = [];
  for (const word of words) {
    const [, lead = '', core = '', trail = ''] = word.op === 'same' ? ['', '', word.text, ''] : (/^(\s*)([\s\S]*?)(\s*)$/.exec(word.text) ?? []);
    const last = parts.at(-1);
    if (last && last.op !== 'same' && word.op !== 'same' && lead === '') parts.push({ op: 'same', text: ' ' });
    if (lead !== '') parts.push({ op: 'same', text: lead });
    if (core !== '') parts.push({ op: word.op, text: core });
    if (trail !== '') parts.push({ op: 'same', text: trail });
  }
  return parts;
}

/** One part of a diff as DOM, for decorations inside the editor: <ins>/<del> with a spoken label. */
export function wordElement(op: Op, text: string): HTMLElement {
  const element = document.createElement(TAG[op]);
  if (op !== 'same') {
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = SPOKEN[op];
    element.append(label);
  }
  element.append(text);
  return element;
}
