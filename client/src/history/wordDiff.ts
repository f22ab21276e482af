import type { WordOp } from './types.js';

const TAG: Readonly<Record<WordOp, 'span' | 'ins' | 'del'>> = { same: 'span', insert: 'ins', delete: 'del' };
/** Read before an insertion or deletion: ins and del are not announced by every screen reader. */
export const SPOKEN: Readonly<Record<WordOp, string>> = { same: '', insert: 'eingefügt: ', delete: 'gelöscht: ' };

/** The parts of a word diff with the spaces between them (the server sends words without them). */
export function spacedWords(words: readonly { op: WordOp; text: string }[]): { op: WordOp; text: string }[] {
  return words.flatMap((word, index) => {
    const next = words[index + 1];
    const needsSpace = next !== undefined && !/\s$/.test(word.text) && !/^\s/.test(next.text);
    return needsSpace ? [word, { op: 'same' as const, text: ' ' }] : [word];
  });
}

/** One part of a diff as DOM, for decorations inside the editor: <ins>/<del> with a spoken label. */
export function wordElement(op: WordOp, text: string): HTMLElement {
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
