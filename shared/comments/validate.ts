import { LAYOUT_CONTROL } from '../editor/entryRules.js';

/** Longest comment, in characters. Long enough for a reasoned answer, short enough to read. */
export const MAX_COMMENT_LENGTH = 5000;
/** Longest quoted passage: an entry is at most 500 characters long. */
export const MAX_QUOTE_LENGTH = 500;

/** Controls other than line break and tab, and bidi overrides that would reorder what is shown. */
const FORBIDDEN = new RegExp(LAYOUT_CONTROL.source.replace('(?!\\t)', '(?![\\t\\n])'), 'u');

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Line endings unified and surrounding white space trimmed: what is stored. */
export function normalizeCommentText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The German reason why a comment text cannot be saved, or null. Checks the normalized text. */
export function commentTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'Bitte einen Kommentar eingeben.';
  const normalized = normalizeCommentText(text);
  if (normalized.length === 0) return 'Bitte einen Kommentar eingeben.';
  if (normalized.length > MAX_COMMENT_LENGTH) {
    return `Ein Kommentar darf höchstens ${formatCount(MAX_COMMENT_LENGTH)} Zeichen lang sein (dieser hat ${formatCount(normalized.length)}).`;
  }
  if (FORBIDDEN.test(normalized)) return 'Der Kommentar enthält unzulässige Steuerzeichen.';
  return null;
}
