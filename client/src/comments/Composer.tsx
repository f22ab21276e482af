import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { mentionQueryAt } from '../../../shared/comments/mentions.js';
import type { Participant } from '../../../shared/comments/types.js';
import { MAX_COMMENT_LENGTH } from '../../../shared/comments/validate.js';
import { CommentTextRequestSchema } from '../../../shared/schemas/comments.js';
import { checkInput } from '../../../shared/schemas/issues.js';
import { useSession } from '../session.js';

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  participants: readonly Participant[];
  autoFocus?: boolean;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A plain-text box for a comment, with suggestions for `@` mentions (arrow keys, Enter or Tab to
 * take one). Strg+Enter sends, Escape cancels. The text is checked with the request's schema
 * (shared/schemas/comments.ts), so the message here is the one the server would answer.
 */
export function Composer({ label, submitLabel, initial = '', participants, autoFocus = false, onSubmit, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [caret, setCaret] = useState(initial.length);
  const [chosen, setChosen] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const query = mentionQueryAt(text, caret);
  const q = query?.query.toLowerCase() ?? '';
  // Nobody mentions themselves; the server lists only people who may comment (no viewers).
  const me = useSession().user.username;
  const suggestions = query
    ? participants.filter((p) => p.username !== me).filter((p) => p.username.toLowerCase().startsWith(q) || p.displayName.toLowerCase().split(/\s+/).some((word) => word.startsWith(q))).slice(0, 6)
    : [];

  const take = (participant: Participant) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}@${participant.username} ${text.slice(caret)}`;
    const at = query.start + participant.username.length + 2;
    setText(next);
    setCaret(at);
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  const submit = async () => {
    const request = checkInput(CommentTextRequestSchema, { text });
    if (!request.ok) {
      setError(request.message);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(text);
      setText('');
      setError(null);
    } catch (failure: unknown) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setChosen((index) => (index + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        const participant = suggestions[Math.min(chosen, suggestions.length - 1)];
        if (participant) {
          event.preventDefault();
          take(participant);
          return;
        }
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        className="composer-text"
        value={text}
        placeholder={`${label} … (@ erwähnt)`}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        maxLength={MAX_COMMENT_LENGTH + 100}
        autoFocus={autoFocus}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? `${id}-mentions` : undefined}
        aria-activedescendant={suggestions.length > 0 ? `${id}-mention-${Math.min(chosen, suggestions.length - 1)}` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setChosen(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul className="mention-list" role="listbox" id={`${id}-mentions`} aria-label="Erwähnen">
          {suggestions.map((participant, index) => (
            <li
              key={participant.username}
              id={`${id}-mention-${index}`}
              role="option"
              aria-selected={index === Math.min(chosen, suggestions.length - 1)}
              className="mention-option"
              onMouseDown={(event) => {
                event.preventDefault();
                take(participant);
              }}
            >
              {participant.displayName} <span className="mention-party">{participant.partyLabel}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="composer-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Abbrechen
          </button>
        )}
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
