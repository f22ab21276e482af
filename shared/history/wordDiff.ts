import type { WordOp } from './types.js';

/** Words and the whitespace between them, each its own token, so that joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * The word-level diff of two titles (longest common subsequence of their words; titles are short,
 * so the quadratic table is cheap). Joining the `same` and `delete` texts gives `from`, joining the
 * `same` and `insert` texts gives `to`; neighbouring operations of one kind are merged.
 */
export function wordDiff(from: string, to: string): WordOp[] {
  const all = { a: tokens(from), b: tokens(to) };
  // The words both share at the start and the end need no table: most renames change a word or two.
  let head = 0;
  while (head < all.a.length && head < all.b.length && all.a[head] === all.b[head]) head++;
  let tail = 0;
  while (tail < all.a.length - head && tail < all.b.length - head && all.a[all.a.length - 1 - tail] === all.b[all.b.length - 1 - tail]) tail++;
  const a = all.a.slice(head, all.a.length - tail);
  const b = all.b.slice(head, all.b.length - tail);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  if (head > 0) push('same', all.a.slice(0, head).join(''));
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // What goes comes before what comes in its place, as a reader expects („I“ struck, „II“ new).
      push('delete', a[i]!);
      i++;
    } else {
      push('insert', b[j]!);
      j++;
    }
  }
  if (tail > 0) push('same', all.a.slice(all.a.length - tail).join(''));
  return ops;
}
