/**
 * The one set of control-character rules for everything a person types: §5 entries, comments,
 * the place of a signature, the reason for reopening. Used by the editor, the dialogs and the
 * server alike (and so by the canonical text, which is built from what these rules let in).
 *
 * Controls (C0, DEL, C1) and the line and paragraph separators would let a text print as
 * paragraphs of its own beside the template text; bidi embeddings, overrides and isolates would
 * reorder what is printed. All of them are refused. Tab is harmless everywhere; a line break is
 * allowed where a text has lines (comments, reasons), never in a one-line text (an entry, a place).
 */
const CONTROL_CLASS = '\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';

/** A control character in a one-line text (tab allowed). */
export const LINE_CONTROL = new RegExp(`(?!\\t)[${CONTROL_CLASS}]`, 'u');

/** A control character in a text with lines (tab and line feed allowed). */
export const TEXT_CONTROL = new RegExp(`(?![\\t\\n])[${CONTROL_CLASS}]`, 'u');

/** Any control character: for short fields typed by hand (a place), where even a tab is a mistake. */
export const ANY_CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'u');

const LINE_CONTROLS = new RegExp(LINE_CONTROL.source, 'gu');

/** What a paste may safely bring into a one-line text: controls become spaces. */
export function controlsToSpaces(text: string): string {
  return text.replace(LINE_CONTROLS, ' ');
}

/** Line endings unified to "\n" (CR LF and lone CR from other systems). */
export function unifyLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
