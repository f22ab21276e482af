import type { PassageAnchor } from '../schemas/comments.js';

/**
 * Comment threads on §5 project entries: what the server stores, writes into the Y.Doc (Y.Map
 * "comments", thread id → CommentThread as JSON) and answers over `/api`. Only the server writes
 * that map; the update check refuses any client write to it.
 */

/** The Y.Doc root that mirrors the threads; written only by the server. */
export const COMMENTS_ROOT = 'comments';

/** Which side of the agreement a person speaks for. */
export type CommentParty = 'ministry' | 'district';

export interface CommentAuthor {
  username: string;
  displayName: string;
  party: CommentParty;
  /** "Ministerium" or the district's name, as it was when the comment was written. */
  partyLabel: string;
}

export interface Comment {
  id: string;
  author: CommentAuthor;
  /** Plain text (never HTML); empty once deleted. */
  text: string;
  /** Usernames of participants mentioned with `@username`. */
  mentions: string[];
  /** Server time (ms since the epoch). */
  createdAt: number;
  editedAt: number | null;
  /** A deleted comment stays as a placeholder while others remain in its thread. */
  deleted: boolean;
}

/** A passage inside an entry; its shape is the request's (shared/schemas/comments.ts). */
export type { PassageAnchor };

export type ThreadStatus = 'open' | 'resolved';

export interface CommentThread {
  id: string;
  agreementId: string;
  /** The stable id of the project entry (shared/editor/ids.ts). */
  entryId: string;
  /** The entry's title as the server last saw it; shown when the entry has been deleted. */
  entryTitle: string;
  passage: PassageAnchor | null;
  status: ThreadStatus;
  resolvedBy: { username: string; displayName: string } | null;
  resolvedAt: number | null;
  createdAt: number;
  comments: Comment[];
}

/** A thread as GET /api/agreements/:id/comments answers it: with the state of its entry. */
export interface CommentThreadView extends CommentThread {
  /** True when the entry is no longer in the project list; `entryTitle` is its last title. */
  entryDeleted: boolean;
}

export interface CommentList {
  threads: CommentThreadView[];
  openThreads: number;
}

/** Someone who takes part in the agreement and can be mentioned. */
export interface Participant {
  username: string;
  displayName: string;
  party: CommentParty;
  partyLabel: string;
}

export function isOpen(thread: Pick<CommentThread, 'status'>): boolean {
  return thread.status === 'open';
}
