import { AQB_2024_CONTENT, MINISTRY_2024 } from './aqb2024.js';
import type { TemplateNodeJSON } from './model.js';
import type { Ministry } from './types.js';

/**
 * The demo's 2025 version: the 2024 text with the sentences a ministry changes for a new year (the
 * „Bündnis für Ausbildung" runs 2025 to 2029; the Teilzeitausbildung funds are named as
 * earmarked). The demo seed publishes it into the store (server/demo/templates.ts); like every
 * published version it is then immutable there.
 */
export const MINISTRY_2025: Ministry = MINISTRY_2024;

/** Sentence changes from 2024 to 2025, applied to the text nodes of the 2024 document. */
export const CHANGES_2025: readonly (readonly [from: string, to: string])[] = [
  ['„Bündnis für Ausbildung für die Jahre 2020 bis 2024“', '„Bündnis für Ausbildung für die Jahre 2025 bis 2029“'],
  [
    'Daher werden spezifisch Mittel für Maßnahmen zur Ermöglichung von Teilzeitausbildungen bereitgestellt.',
    'Daher werden innerhalb des Budgets zweckgebundene Mittel für Maßnahmen zur Ermöglichung von Teilzeitausbildungen bereitgestellt.',
  ],
];

function rewrite(node: TemplateNodeJSON): TemplateNodeJSON {
  if (node.type === 'text' && node.text !== undefined) {
    const text = CHANGES_2025.reduce((value, [from, to]) => value.replace(from, to), node.text);
    return { ...node, text };
  }
  return node.content ? { ...node, content: node.content.map(rewrite) } : node;
}

export const AQB_2025_CONTENT: TemplateNodeJSON = rewrite(AQB_2024_CONTENT);
