import type { CommentParty, CommentThread } from './types.js';

/** The viewer of the "Für mich" filter. */
export interface Reader {
  username: string;
  party: CommentParty;
}

export function partyOf(user: { districtId: string | null }): CommentParty {
  return user.districtId === null ? 'ministry' : 'district';
}

/**
 * "Für mich": a thread that mentions me in a comment that still stands, or an open thread that
 * waits for my party's answer (its last comment is from the other party).
 */
export function isForMe(thread: CommentThread, reader: Reader): boolean {
  const standing = thread.comments.filter((comment) => !comment.deleted);
  if (standing.some((comment) => comment.mentions.includes(reader.username))) return true;
  const last = standing.at(-1);
  return thread.status === 'open' && last !== undefined && last.author.party !== reader.party;
}
