import type { SessionUser } from '../../shared/api.js';
import { can, type AgreementScope } from '../../shared/permissions.js';

/**
 * Who may do what with the comments of an agreement. The rule "who comments" is shared/permissions.ts
 * (`comment`); this adds what only concerns a single comment.
 *
 * Everyone who may read the agreement reads its comments (the ministry and the agreement's own
 * district; a district never sees another district's agreement, so never its comments). Editors
 * and signatories of both parties write: signatories negotiate too, and what they ask before
 * signing belongs in the record. Viewers read only: a thread they open would count as open and
 * hold up the release for signature without anyone with a mandate having asked for it.
 * Everything but reading is possible until the agreement is final: comments do not change the
 * frozen text, so the signatories may still ask while they read it for signing (a thread opened
 * then is a question, not a change; only reopening changes the text). A final agreement is
 * closed for good. Editing and deleting a comment: its author only.
 */
export type CommentAction = 'read' | 'comment' | 'resolve' | 'edit' | 'delete';

export function canComment(user: SessionUser, action: CommentAction, agreement: AgreementScope, comment?: { authorUsername: string }): boolean {
  if (action === 'read') return can(user, 'read', agreement);
  if (!can(user, 'comment', agreement)) return false;
  if (action === 'edit' || action === 'delete') return comment !== undefined && comment.authorUsername === user.username;
  return true;
}
