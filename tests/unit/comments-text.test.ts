import { describe, expect, it } from 'vitest';
import { isForMe } from '../../shared/comments/forMe.js';
import { findMentions, mentionQueryAt, splitMentions } from '../../shared/comments/mentions.js';
import type { Comment, CommentThread, Participant } from '../../shared/comments/types.js';
import { commentTextProblem, normalizeCommentText } from '../../shared/comments/validate.js';

const participants: Participant[] = [
  { username: 'hmsi-referat', displayName: 'Jonas Becker', party: 'ministry', partyLabel: 'Ministerium' },
  { username: 'wmk-referat', displayName: 'Anna Schäfer', party: 'district', partyLabel: 'Werra-Meißner-Kreis' },
];

describe('mentions in comment text', () => {
  it('finds @username of participants, also before punctuation and at the start', () => {
    expect(findMentions('@wmk-referat bitte an @hmsi-referat. Danke', participants)).toEqual(['wmk-referat', 'hmsi-referat']);
  });

  it('ignores unknown names, e-mail addresses and repeats', () => {
    expect(findMentions('@niemand schrieb an info@hmsi-referat und @HMSI-Referat, @hmsi-referat', participants)).toEqual(['hmsi-referat']);
  });

  it('splits the text into plain pieces and mentions, losing nothing', () => {
    const text = 'Hallo @wmk-referat, <b>bitte</b> prüfen';
    const pieces = splitMentions(text, participants);
    expect(pieces.map((piece) => piece.kind)).toEqual(['text', 'mention', 'text']);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces[1]).toMatchObject({ text: '@wmk-referat', participant: { displayName: 'Anna Schäfer' } });
  });

  it('knows the @word being typed before the caret, for suggestions', () => {
    expect(mentionQueryAt('Bitte @wmk', 10)).toEqual({ start: 6, query: 'wmk' });
    expect(mentionQueryAt('Bitte @', 7)).toEqual({ start: 6, query: '' });
    expect(mentionQueryAt('mail@wmk', 8)).toBeNull();
    expect(mentionQueryAt('Bitte @wmk prüfen', 17)).toBeNull();
  });
});

describe('comment text', () => {
  it('is trimmed and has unified line endings', () => {
    expect(normalizeCommentText('  Zeile 1\r\nZeile 2\r ')).toBe('Zeile 1\nZeile 2');
  });

  it('must not be empty, overlong or carry control characters; line breaks and tabs are fine', () => {
    expect(commentTextProblem(' \n\t ')).toBe('Bitte einen Kommentar eingeben.');
    expect(commentTextProblem(undefined)).toBe('Bitte einen Kommentar eingeben.');
    expect(commentTextProblem('a'.repeat(5000))).toBeNull();
    expect(commentTextProblem('a'.repeat(12345))).toBe('Ein Kommentar darf höchstens 5.000 Zeichen lang sein (dieser hat 12.345).');
    expect(commentTextProblem('a\u0007b')).toBe('Der Kommentar enthält unzulässige Steuerzeichen.');
    expect(commentTextProblem('a\u202Eb')).toBe('Der Kommentar enthält unzulässige Steuerzeichen.');
    expect(commentTextProblem('Erste Zeile\n\tzweite Zeile')).toBeNull();
  });
});

describe('the “Für mich” filter', () => {
  const comment = (username: string, party: 'ministry' | 'district', mentions: string[] = [], deleted = false): Comment => ({
    id: `c-${username}-${mentions.join()}`,
    author: { username, displayName: username, party, partyLabel: party },
    text: deleted ? '' : 'x',
    mentions,
    createdAt: 0,
    editedAt: null,
    deleted,
  });
  const thread = (comments: Comment[], status: 'open' | 'resolved' = 'open'): CommentThread => ({
    id: 't-1',
    agreementId: 'a',
    entryId: 'p-abcdef',
    entryTitle: 'Projekt',
    passage: null,
    status,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: 0,
    comments,
  });
  const ministry = { username: 'hmsi-referat', party: 'ministry' as const };

  it('holds open threads whose last comment is from the other party', () => {
    expect(isForMe(thread([comment('wmk-referat', 'district')]), ministry)).toBe(true);
    expect(isForMe(thread([comment('wmk-referat', 'district'), comment('hmsi-ministerin', 'ministry')]), ministry)).toBe(false);
    expect(isForMe(thread([comment('wmk-referat', 'district')], 'resolved'), ministry)).toBe(false);
  });

  it('holds threads that mention me, resolved or not, unless that comment was deleted', () => {
    expect(isForMe(thread([comment('hmsi-ministerin', 'ministry', ['hmsi-referat'])], 'resolved'), ministry)).toBe(true);
    expect(isForMe(thread([comment('hmsi-ministerin', 'ministry', ['hmsi-referat'], true), comment('hmsi-ministerin', 'ministry')]), ministry)).toBe(false);
  });
});
