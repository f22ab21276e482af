import type { WordOp } from './types.js';

type Op = WordOp['op'];

const TAG: Readonly<Record<Op, 'span' | 'ins' | 'del'>> = { same: 'span', insert: 'ins', delete: 'del' };
/** Read before an insertion or deletion: ins and del are not announced by every screen reader. */
export const SPOKEN = { same: '', insert: 'eingefügt: ', delete: 'gelöscht: ' } as const satisfies Readonly<Record<Op, string>>;

/** The parts of a word diff with the spaces between them (the server sends words without them). */
export function spacedWords(words: readonly WordOp[]): WordOp[] {
  return words.flatMap((word, index) => {
    const next = words[index + 1];
    const needsSpace = next !== undefined && !/\s$/.test(word.text) && !/^\s/.test(next.text);
    return needsSpace ? [word, { op: 'same' as const, text: ' ' }] : [word];
  });
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
