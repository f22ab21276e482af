import type { BlockId } from './types.js';

/** How the ministry names each locked block in messages and the compare view. */
export const BLOCK_LABELS: Record<BlockId, string> = {
  title: 'Titel',
  praeambel: 'Präambel',
  p1: '§ 1',
  p2: '§ 2',
  p3: '§ 3',
  p4: '§ 4',
  p5intro: '§ 5 (Einleitung)',
  p5closing: '§ 5 (Schluss)',
  p6: '§ 6',
  p7: '§ 7',
};
