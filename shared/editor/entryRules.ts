import type { Node as PMNode } from '@tiptap/pm/model';
import { isEntryId } from './ids.js';
import { MAX_ENTRY_LENGTH, NODE } from './nodes.js';
import { controlsToSpaces, LINE_CONTROL } from '../text/controls.js';
import { hasInvisibles, withoutInvisibles } from '../text/invisible.js';
import { firstUnprintable, unprintableMessage } from '../text/printable.js';

/** Most project entries a §5 list may hold; far beyond any real list, it bounds abuse. */
export const MAX_ENTRIES = 300;

/**
 * Characters an entry may not hold: the one-line rule of shared/text/controls.ts (a line break
 * would let an entry print as a paragraph of its own beside the template text the signature covers).
 */
export const LAYOUT_CONTROL = LINE_CONTROL;

/** What a paste may safely bring into an entry: controls become spaces, invisibles go, NFC. */
export function withoutLayoutControls(text: string): string {
  return withoutInvisibles(controlsToSpaces(text)).normalize('NFC');
}

/** The German message for text an entry may not hold (characters the PDF cannot print), or null. */
export function entryTextProblem(text: string): string | null {
  const char = firstUnprintable(withoutLayoutControls(text));
  return char === null ? null : unprintableMessage(char);
}

/**
 * What is wrong with a §5 list node, in English for the log, or null. The server requires every
 * entry to carry an id; the editor checks before its id plugin has given new entries theirs.
 */
export function projectListProblem(list: PMNode, options: { requireIds: boolean }): string | null {
  let entries = 0;
  let problem: string | null = null;
  list.descendants((child) => {
    if (child.type.name !== NODE.projectEntry) return true;
    entries++;
    if (problem === null) problem = projectEntryProblem(child.attrs.id, child.textContent, options);
    return false;
  });
  if (entries > MAX_ENTRIES) return `more than ${MAX_ENTRIES} project entries`;
  return problem;
}

/** What is wrong with one project entry, given its id and its text, in English for the log, or null. */
export function projectEntryProblem(id: unknown, text: string, options: { requireIds: boolean }): string | null {
  if (options.requireIds && !isEntryId(id)) return 'a project entry without a valid id';
  if (text.length > MAX_ENTRY_LENGTH) return `a project entry longer than ${MAX_ENTRY_LENGTH} characters`;
  if (LAYOUT_CONTROL.test(text)) return 'a line break or control character in a project entry';
  if (hasInvisibles(text)) return 'an invisible character in a project entry';
  if (firstUnprintable(text) !== null) return 'a character the PDF cannot print in a project entry';
  return null;
}
