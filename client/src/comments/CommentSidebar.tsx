import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SessionUser } from '../../../shared/api.js';
import { isForMe, partyOf } from '../../../shared/comments/forMe.js';
import type { Participant } from '../../../shared/comments/types.js';
import { commentApi } from './api.js';
import { Composer } from './Composer.js';
import { commentHighlightsKey } from './highlights.js';
import { commentTarget, revealEntry, type CommentTarget } from './target.js';
import { COMMENTS_PANEL_ID, COMMENTS_TITLE_ID, focusCommentsToggle } from './CommentsToggle.js';
import { ThreadCard } from './ThreadCard.js';
import type { ThreadsStore } from './threadsStore.js';
import { useAlignment } from './useAlignment.js';
import type { CommentsPanel } from './useCommentsPanel.js';
import './comments.css';
import { useLinkedThread } from '../notifications/useLinkedThread.js';

interface Props {
  editor: Editor;
  store: ThreadsStore;
  agreementId: string;
  user: SessionUser;
  mayWrite: boolean;
  showResolved: boolean;
  onShowResolved: (show: boolean) => void;
  active: string | null;
  onActivate: (threadId: string | null) => void;
  /** Open or collapsed, beside the sheet or a drawer over it (useCommentsPanel). */
  panel: CommentsPanel;
}

export const COMMENT_SHORTCUT_LABEL = 'Strg+Alt+M';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The comments beside the document: threads in document order, each next to its entry where
 * the screen is wide enough. "Kommentieren" (also Strg+Alt+M) starts a thread on the entry or
 * passage at the selection; without one, the composer asks which project.
 */
export function CommentSidebar({ editor, store, agreementId, user, mayWrite, showResolved, onShowResolved, active, onActivate, panel }: Props) {
  const placed = useSyncExternalStore(store.subscribe, store.get);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [filter, setFilter] = useState<'all' | 'mine'>('all');
  const [draft, setDraft] = useState<CommentTarget | null>(null);
  const [composing, setComposing] = useState(false);
  const now = useNow(30_000);
  const list = useRef<HTMLOListElement>(null);
  const { reveal } = panel;

  useEffect(() => {
    commentApi.participants(agreementId).then(setParticipants, (error: unknown) => console.error('participants failed', error));
  }, [agreementId]);

  // Redraw the highlights in the document whenever threads, the filter or the active one change.
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
  }, [editor, placed, showResolved, active]);

  const reader = { username: user.username, party: partyOf(user) };
  const openCount = placed.filter((p) => p.thread.status === 'open').length;
  const shown = placed.filter((p) => (showResolved || p.thread.status === 'open') && (filter === 'all' || isForMe(p.thread, reader)));
  const entries = entryOptions(editor);
  useLinkedThread(shown.map((p) => p.thread.id), onActivate);

  const start = useCallback(() => {
    if (!mayWrite) return;
    setDraft(commentTarget(editor, store.ydoc));
    setComposing(true);
    reveal();
  }, [editor, store, mayWrite, reveal]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM' && !event.getModifierState('AltGraph')) {
        event.preventDefault();
        start();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);

  useAlignment(editor, list, [shown, composing, draft, active, participants]);

  const forMeCount = placed.filter((p) => isForMe(p.thread, reader) && (showResolved || p.thread.status === 'open')).length;

  // As a drawer, Escape closes it (unless a composer inside already used the key) and the focus
  // goes back to the toggle; beside the sheet the panel stays until the toggle hides it.
  const closeDrawer = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || panel.beside) return;
    // A dialog inside the panel (Kommentar löschen?) closes itself with Escape; the drawer stays.
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    event.preventDefault();
    panel.setOpen(false);
    focusCommentsToggle();
  };

  return (
    <aside id={COMMENTS_PANEL_ID} className={`comments-sidebar${panel.beside ? '' : ' is-drawer'}`} aria-label="Kommentare" hidden={!panel.open} onKeyDown={closeDrawer}>
      <div className="comments-head">
        <h2 className="comments-title" id={COMMENTS_TITLE_ID} tabIndex={-1}>
          Kommentare <span className="open-threads" data-open-threads={openCount}>{openCount === 1 ? '1 offen' : `${openCount} offen`}</span>
        </h2>
        {mayWrite && (
          <button type="button" className="button button-primary" onClick={start} aria-keyshortcuts="Control+Alt+M" title={`Kommentieren (${COMMENT_SHORTCUT_LABEL})`}>
            Kommentieren
          </button>
        )}
        <div className="comments-filters" role="group" aria-label="Anzeigen">
          <button type="button" className="filter-button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
            Alle
          </button>
          <button type="button" className="filter-button" aria-pressed={filter === 'mine'} onClick={() => setFilter('mine')}>
            Für mich ({forMeCount})
          </button>
          <label className="filter-resolved">
            <input type="checkbox" checked={showResolved} onChange={(event) => onShowResolved(event.target.checked)} /> Erledigte anzeigen
          </label>
        </div>
      </div>
      <ol className="thread-list" ref={list}>
        {composing && (
          <li className="thread-slot" data-entry-id={draft?.entryId ?? ''}>
            <div className="thread is-new">
              <NewThreadForm
                target={draft}
                entries={entries}
                participants={participants}
                onSubmit={async (entryId, text) => {
                  const passage = draft?.entryId === entryId ? draft.passage : null;
                  const thread = await commentApi.create(agreementId, { entryId, text, ...(passage ? { passage } : {}) });
                  setComposing(false);
                  setDraft(null);
                  onActivate(thread.id);
                }}
                onCancel={() => {
                  setComposing(false);
                  setDraft(null);
                  editor.view.focus();
                }}
              />
            </div>
          </li>
        )}
        {shown.map((p) => (
          <li key={p.thread.id} className="thread-slot" data-entry-id={p.entryDeleted ? '' : p.thread.entryId}>
            <ThreadCard
              placed={p}
              agreementId={agreementId}
              me={user.username}
              mayWrite={mayWrite}
              participants={participants}
              now={now}
              active={active === p.thread.id}
              onActivate={() => onActivate(p.thread.id)}
              onReveal={() => revealEntry(editor, p.thread.entryId)}
            />
          </li>
        ))}
      </ol>
      {shown.length === 0 && !composing && (
        <p className="comments-empty">{filter === 'mine' ? 'Nichts wartet auf Sie.' : placed.length === 0 ? 'Noch keine Kommentare.' : 'Keine offenen Kommentare.'}</p>
      )}
    </aside>
  );
}

function entryOptions(editor: Editor): { id: string; title: string }[] {
  const options: { id: string; title: string }[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'projectEntry') {
      if (typeof node.attrs.id === 'string') options.push({ id: node.attrs.id, title: node.textContent || 'Projekt ohne Titel' });
      return false;
    }
    return true;
  });
  return options;
}

function NewThreadForm(props: {
  target: CommentTarget | null;
  entries: { id: string; title: string }[];
  participants: readonly Participant[];
  onSubmit: (entryId: string, text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [entryId, setEntryId] = useState(props.target?.entryId ?? props.entries[0]?.id ?? '');
  return (
    <>
      {props.target ? (
        <p className="thread-entry">
          Neuer Kommentar zu „{props.entries.find((e) => e.id === props.target?.entryId)?.title ?? ''}“
          {props.target.passage && <span className="thread-quote"> – „{props.target.passage.quote}“</span>}
        </p>
      ) : (
        <label className="new-thread-entry">
          Projekt{' '}
          <select value={entryId} onChange={(event) => setEntryId(event.target.value)}>
            {props.entries.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <Composer label="Kommentar" submitLabel="Kommentieren" participants={props.participants} autoFocus onSubmit={(text) => props.onSubmit(entryId, text)} onCancel={props.onCancel} />
    </>
  );
}
