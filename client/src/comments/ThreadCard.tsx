import { useState } from 'react';
import type { Comment, Participant } from '../../../shared/comments/types.js';
import { formatDateTime, formatSince } from '../../../shared/format.js';
import { commentApi } from './api.js';
import { CommentText } from './CommentText.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { Composer } from './Composer.js';
import type { PlacedThread } from './threadsStore.js';

interface Props {
  placed: PlacedThread;
  agreementId: string;
  me: string;
  mayWrite: boolean;
  participants: readonly Participant[];
  now: number;
  active: boolean;
  onActivate: () => void;
  onReveal: () => void;
}

function Time({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
      {formatSince(at, now)}
    </time>
  );
}

/** One thread: its entry (or that it was deleted), the quoted passage, the comments, the answers. */
export function ThreadCard({ placed, agreementId, me, mayWrite, participants, now, active, onActivate, onReveal }: Props) {
  const { thread } = placed;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    try {
      setError(null);
      await action();
    } catch (failure: unknown) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const [removing, setRemoving] = useState<Comment | null>(null);
  const remove = (comment: Comment) => {
    setRemoving(null);
    void run(() => commentApi.remove(agreementId, thread.id, comment.id));
  };
  const open = thread.status === 'open';

  return (
    <article
      className={`thread${open ? '' : ' is-resolved'}${active ? ' is-active' : ''}${placed.entryDeleted ? ' is-orphaned' : ''}`}
      aria-label={`Kommentar zu „${placed.entryTitle}“${open ? '' : ' (erledigt)'}`}
      data-thread-id={thread.id}
      data-entry-id={thread.entryId}
      // Focusable from a link ("zum offenen Kommentar" in the release dialog), not in the Tab order.
      tabIndex={-1}
      onFocus={onActivate}
      onClick={onActivate}
    >
      <header className="thread-head">
        {placed.entryDeleted ? (
          <p className="thread-entry">
            <span className="thread-entry-gone">Gelöschtes Projekt:</span> „{placed.entryTitle}“
          </p>
        ) : (
          <button type="button" className="thread-entry thread-entry-link" onClick={onReveal} title="Zum Projekt">
            {placed.entryTitle || 'Projekt ohne Titel'}
          </button>
        )}
        {!open && thread.resolvedBy && (
          <p className="thread-state">
            Erledigt von {thread.resolvedBy.displayName}, {thread.resolvedAt !== null && <Time at={thread.resolvedAt} now={now} />}
          </p>
        )}
      </header>
      {thread.passage && (
        <blockquote className={`thread-quote${placed.passage || placed.entryDeleted ? '' : ' is-gone'}`}>
          „{thread.passage.quote}“{!placed.passage && !placed.entryDeleted && <span className="thread-quote-note"> (Textstelle geändert)</span>}
        </blockquote>
      )}
      <ol className="comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className={`comment${comment.author.party === 'ministry' ? ' from-ministry' : ' from-district'}`}>
            {comment.deleted ? (
              <p className="comment-deleted">Kommentar gelöscht</p>
            ) : (
              <>
                <p className="comment-meta">
                  <span className="comment-author">{comment.author.displayName}</span> <span className="comment-party">{comment.author.partyLabel}</span>{' '}
                  <span className="comment-time">
                    <Time at={comment.createdAt} now={now} />
                    {comment.editedAt !== null && ' (bearbeitet)'}
                  </span>
                </p>
                {editing === comment.id ? (
                  <Composer
                    label="Kommentar bearbeiten"
                    submitLabel="Speichern"
                    initial={comment.text}
                    participants={participants}
                    autoFocus
                    onSubmit={async (text) => {
                      await commentApi.edit(agreementId, thread.id, comment.id, text);
                      setEditing(null);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <CommentText text={comment.text} participants={participants} me={me} />
                )}
                {/* A resolved thread is a record: reopen it first to change what was said. */}
                {mayWrite && open && comment.author.username === me && editing !== comment.id && (
                  <div className="comment-actions">
                    <button type="button" className="link-button" onClick={() => setEditing(comment.id)}>
                      Bearbeiten
                    </button>
                    <button type="button" className="link-button" onClick={() => setRemoving(comment)}>
                      Löschen
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="composer-error" role="alert">
          {error}
        </p>
      )}
      {mayWrite && (
        <footer className="thread-foot">
          {open && (
            <Composer label="Antworten" submitLabel="Antworten" participants={participants} onSubmit={async (text) => void (await commentApi.reply(agreementId, thread.id, text))} />
          )}
          <div className="thread-actions">
            {open ? (
              <button type="button" className="button" onClick={() => void run(() => commentApi.resolve(agreementId, thread.id))}>
                ✓ Erledigt
              </button>
            ) : (
              <button type="button" className="button button-quiet" onClick={() => void run(() => commentApi.reopen(agreementId, thread.id))}>
                Wieder öffnen
              </button>
            )}
          </div>
        </footer>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Kommentar löschen?"
        confirmLabel="Löschen"
        pendingLabel="Wird gelöscht …"
        onConfirm={() => removing && remove(removing)}
        onClose={() => setRemoving(null)}
      >
        <p className="dialog-hint">Der Kommentar wird für alle Beteiligten entfernt. Das lässt sich nicht rückgängig machen.</p>
      </ConfirmDialog>
    </article>
  );
}
