import { splitMentions } from '../../../shared/comments/mentions.js';
import type { Participant } from '../../../shared/comments/types.js';

/**
 * A comment's text as React text nodes: never HTML. Mentions of participants are highlighted,
 * the reader's own more strongly.
 */
export function CommentText({ text, participants, me }: { text: string; participants: readonly Participant[]; me: string }) {
  return (
    <p className="comment-text">
      {splitMentions(text, participants).map((piece, index) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <mark key={index} className={`mention${piece.participant.username === me ? ' mention-me' : ''}`} title={`${piece.participant.displayName} (${piece.participant.partyLabel})`}>
            @{piece.participant.displayName}
          </mark>
        ),
      )}
    </p>
  );
}
