import { ANY_CONTROL } from './controls.js';

/**
 * Invisible characters: they print as nothing, so two entries can look identical and still differ
 * in their text and in the signed hash. Unicode lists them as Default_Ignorable_Code_Point.
 *
 * Decision, per character, for everything a person types (§5 entries, comments, the place of a
 * signature, the reason for reopening):
 *
 * | characters                                                        | rule                     |
 * | ----------------------------------------------------------------- | ------------------------ |
 * | bidi embeddings, overrides, isolates (U+202A–202E, U+2066–2069)    | refused (./controls.ts)  |
 * | soft hyphen U+00AD, zero-width space U+200B, ZWNJ/ZWJ U+200C/D,    | removed (normalised)     |
 * | LRM/RLM U+200E/F, Arabic letter mark U+061C, word joiner U+2060,   |                          |
 * | invisible operators U+2061–2064, BOM/ZWNBSP U+FEFF, variation      |                          |
 * | selectors, tag characters, Hangul fillers, all other ignorables    |                          |
 *
 * Removed rather than refused because they arrive unseen (a soft hyphen or BOM pasted from Word or
 * a PDF, a direction mark from a web page): nobody could find them to delete them, and removing
 * them changes nothing anyone can see. Removed where text enters: the editor's paste, the server's
 * normalisation of comments and places, the canonical text. The server refuses them in a §5 update
 * (it cannot rewrite a client's CRDT update; an honest editor never sends them).
 */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

/** Removes the invisible characters that are not refused outright (bidi controls stay, to be refused). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLES, (char) => (ANY_CONTROL.test(char) ? char : ''));
}

/** Whether `text` holds an invisible character that the rule above removes. */
export function hasInvisibles(text: string): boolean {
  return withoutInvisibles(text) !== text;
}
