import type { AnyExtension, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { BODY_FIELD } from '../../../shared/editor/schema.js';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AgreementDetail, SessionUser } from '../../../shared/api.js';
import type { Template } from '../../../shared/template/types.js';
import type { Connection, ConnectionSnapshot } from '../collab/connection.js';
import { fieldsStore } from '../collab/fields.js';
import { useAgreementStatus } from '../collab/useAgreementStatus.js';
import { can, roleAllows } from '../../../shared/permissions.js';
import { CommentSidebar } from '../comments/CommentSidebar.js';
import { CommentsToggle } from '../comments/CommentsToggle.js';
import { CommentHighlights } from '../comments/highlights.js';
import { threadsStore } from '../comments/threadsStore.js';
import { useCommentsPanel } from '../comments/useCommentsPanel.js';
import { ChangeMarks, changeMarksStore } from '../rounds/changes/changeMarks.js';
import { ChangesPanel } from '../rounds/changes/ChangesPanel.js';
import { AmountDialog } from './AmountDialog.js';
import { editorExtensions } from './extensions.js';
import { Presence } from './Presence.js';
import { SaveIndicator } from './SaveIndicator.js';
import { Toolbar } from './Toolbar.js';
import { useLockHint } from './useLockHint.js';

interface Props {
  detail: AgreementDetail;
  /** The version the agreement pins, compiled; its locked blocks are rendered from it. */
  template: Template;
  connection: Connection;
  snapshot: ConnectionSnapshot;
  user: SessionUser;
  onUnauthenticated: () => void;
  /** Further extensions of the page (the history's marks); memoised by the caller. */
  extensions?: readonly AnyExtension[];
}

function initialContent(ydoc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FIELD)) as JSONContent;
}

/**
 * The agreement as one TipTap document bound to the Y.Doc. Mounted only after the first sync, so
 * the body always comes from the server and never from an empty client document.
 */
export function AgreementEditor({ detail, template, connection, snapshot, user, onUnauthenticated, extensions = [] }: Props) {
  const [amountOpen, setAmountOpen] = useState(false);
  const [refusedInput, setRefusedInput] = useState<string | null>(null);
  const lockHint = useLockHint();
  const fields = useMemo(() => fieldsStore(connection.ydoc, detail.fields), [connection, detail.fields]);
  const currentFields = useSyncExternalStore(fields.subscribe, fields.get);
  const status = useAgreementStatus(connection.ydoc, detail.status);
  // From the shared rules and the live status, not from the permissions at page load: an agreement
  // that is reopened while the page is open becomes editable again without a reload.
  const scope = { districtId: detail.districtId, status };
  const canEdit = can(user, 'editBody', scope) && snapshot.refused === null;
  // Comments: the server decides (server/policies/comments.ts); this only hides what it would refuse.
  const mayComment = can(user, 'comment', scope);
  const comments = useMemo(() => threadsStore(connection.ydoc), [connection]);
  const [showResolved, setShowResolved] = useState(false);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const commentsPanel = useCommentsPanel(user.username);
  // A thread that is to be shown (a link, the release dialog's open point) opens a collapsed panel.
  const activateThread = (threadId: string | null) => {
    setActiveThread(threadId);
    if (threadId) commentsPanel.reveal();
  };
  const commentView = useRef({ showResolved, activeThread });
  commentView.current = { showResolved, activeThread };
  const changeMarks = useMemo(() => changeMarksStore(), []);

  const editor = useEditor(
    {
      extensions: editorExtensions({
        ydoc: connection.ydoc,
        provider: connection.provider,
        fields,
        template,
        user: { name: user.displayName, color: user.color },
        // By role, not by the permissions at page load; the button shows only while the sheet is
        // editable (a draft, see editor.css), and the server decides in any case.
        onEditAmount: roleAllows(user, 'editAmount', detail.districtId) ? () => setAmountOpen(true) : null,
        onRefusedInput: setRefusedInput,
        onLockedInput: lockHint.show,
      }).concat(
        CommentHighlights.configure({ store: comments, showResolved: () => commentView.current.showResolved, activeThread: () => commentView.current.activeThread }),
        ChangeMarks.configure({ store: changeMarks }),
        ...extensions,
      ),
      // The synced body as the first content: the editor starts on the real document, so its first
      // selection lies in §5 text. Started empty, y-prosemirror's first render would carry that
      // selection over as a text selection at position 0 (between atoms) and ProseMirror warns.
      content: initialContent(connection.ydoc),
      editable: canEdit,
      editorProps: {
        attributes: {
          class: 'agreement-body',
          lang: 'de',
          'aria-label': `${detail.title}${canEdit ? ' – bearbeitbar ist nur die Projektliste in § 5' : ' – nur lesen'}`,
        },
      },
    },
    [connection, fields, comments, changeMarks, extensions],
  );

  // The message about refused characters stays until the next change the editor accepts.
  useEffect(() => {
    const clear = () => setRefusedInput(null);
    editor.on('update', clear);
    return () => {
      editor.off('update', clear);
    };
  }, [editor]);

  // Once the server refused the connection, nothing typed would be saved: stop editing.
  useEffect(() => {
    if (editor.isEditable !== canEdit) editor.setEditable(canEdit);
  }, [editor, canEdit]);

  return (
    <>
      <div className="editor-bar">
        <div className="editor-bar-inner">
          {canEdit ? <Toolbar editor={editor} /> : <p className="read-only-badge">{snapshot.refused || status !== 'draft' ? 'Bearbeitung gesperrt' : 'Nur lesen'}</p>}
          {canEdit && refusedInput && (
            <p className="form-error" role="alert">
              {refusedInput}
            </p>
          )}
          {/* Always in the page, so that screen readers announce what appears in it. */}
          <p className="lock-hint" aria-live="polite" data-testid="lock-hint">
            {canEdit ? lockHint.message : ''}
          </p>
          <ChangesPanel editor={editor} agreementId={detail.id} store={changeMarks} />
          <div className="editor-bar-status">
            <CommentsToggle panel={commentsPanel} store={comments} />
            <Presence provider={connection.provider} username={user.username} />
            <SaveIndicator snapshot={snapshot} />
          </div>
        </div>
      </div>
      <main className={`sheet-area has-comments${commentsPanel.open ? '' : ' is-comments-collapsed'}`}>
        <article className={`sheet${canEdit ? ' is-editable' : ''}`} data-status={status}>
          <EditorContent editor={editor} />
        </article>
        <CommentSidebar
          editor={editor}
          store={comments}
          agreementId={detail.id}
          user={user}
          mayWrite={mayComment}
          showResolved={showResolved}
          onShowResolved={setShowResolved}
          active={activeThread}
          onActivate={activateThread}
          panel={commentsPanel}
        />
      </main>
      {roleAllows(user, 'editAmount', detail.districtId) && (
        <AmountDialog
          agreementId={detail.id}
          amountCents={currentFields.amountCents}
          open={amountOpen}
          onClose={() => setAmountOpen(false)}
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </>
  );
}
