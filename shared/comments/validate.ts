import { formatNumber } from '../format.js';
import { TEXT_CONTROL, unifyLineEnds } from '../text/controls.js';
import { withoutInvisibles } from '../text/invisible.js';

/** Longest comment, in characters. Long enough for a reasoned answer, short enough to read. */
export const MAX_COMMENT_LENGTH = 5000;
/** Longest quoted passage: an entry is at most 500 characters long. */
export const MAX_QUOTE_LENGTH = 500;


/** Line endings unified, invisible characters removed (shared/text/invisible.ts), NFC, trimmed: what is stored. */
export function normalizeCommentText(text: string): string {
  return withoutInvisibles(unifyLineEnds(text)).normalize('NFC').trim();
}

/** The German reason why a comment text cannot be saved, or null. Checks the normalized text. */
export function commentTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'Bitte einen Kommentar eingeben.';
  const normalized = normalizeCommentText(text);
  if (normalized.length === 0) return 'Bitte einen Kommentar eingeben.';
  if (normalized.length > MAX_COMMENT_LENGTH) {
    return `Ein Kommentar darf höchstens ${formatNumber(MAX_COMMENT_LENGTH)} Zeichen lang sein (dieser hat ${formatNumber(normalized.length)}).`;
  }
  if (TEXT_CONTROL.test(normalized)) return 'Der Kommentar enthält unzulässige Steuerzeichen.';
  return null;
}
