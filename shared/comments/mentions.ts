import type { Participant } from './types.js';

/**
 * Mentions are plain text: `@username` of a participant of the agreement. The text stays as
 * typed; the mention is found again whenever it is shown, so nothing in a comment is ever HTML.
 * An `@word` that names nobody stays ordinary text.
 */
const MENTION = /(^|[^\p{L}\p{N}_@.-])@([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)/giu;

export type TextPiece = { kind: 'text'; text: string } | { kind: 'mention'; text: string; participant: Participant };

/** The text in pieces: plain runs and mentions of known participants, in order. */
export function splitMentions(text: string, participants: readonly Participant[]): TextPiece[] {
  const byName = new Map(participants.map((p) => [p.username.toLowerCase(), p]));
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const lead = match[1] ?? '';
    const username = (match[2] ?? '').toLowerCase();
    const participant = byName.get(username);
    if (!participant) continue;
    const start = (match.index ?? 0) + lead.length;
    const end = start + 1 + username.length;
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    pieces.push({ kind: 'mention', text: text.slice(start, end), participant });
    last = end;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Usernames of the participants a text mentions, each once, in order of first mention. */
export function findMentions(text: string, participants: readonly Participant[]): string[] {
  const names = splitMentions(text, participants).flatMap((piece) => (piece.kind === 'mention' ? [piece.participant.username] : []));
  return [...new Set(names)];
}

/**
 * The `@query` being typed right before the caret, for suggestions: null when the caret is not
 * right after an `@` word.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^\p{L}\p{N}_@.-])@([a-z0-9._-]*)$/iu.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}
