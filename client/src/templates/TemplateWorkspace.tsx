import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../shared/api.js';
import { TEMPLATE_FRAGMENT, TEMPLATE_NODES, type TemplateVersionDetail } from '../../../shared/template/model.js';
import type { Connection, ConnectionSnapshot } from '../collab/connection.js';
import { Presence } from '../editor/Presence.js';
import { SaveIndicator } from '../editor/SaveIndicator.js';
import { templateEditorExtensions } from './extensions.js';
import { PublishDialog } from './PublishDialog.js';
import { TemplatePreview } from './TemplatePreview.js';
import { TemplateToolbar } from './TemplateToolbar.js';
import { VersionFieldsForm } from './VersionFieldsForm.js';

interface Props {
  detail: TemplateVersionDetail;
  /** The draft's live room; null for a published version, which is read from its stored document. */
  connection: Connection | null;
  snapshot: ConnectionSnapshot;
  user: SessionUser;
  /** A ministry editor on a draft: the server lets them write (and decides on every update). */
  mayEdit: boolean;
  onDetail: (detail: TemplateVersionDetail) => void;
}

type View = 'text' | 'preview';

/** The year a version's text is probably for ("aqb-2026" → 2026), for the preview's first choice. */
const yearOf = (version: string) => Number(/(20\d\d)/.exec(version)?.[1] ?? new Date().getFullYear() + 1);

/**
 * A version's text in a TipTap editor (live with the other ministry editors while it is a draft),
 * its fields, the preview for any partner and year, and „Veröffentlichen".
 */
export function TemplateWorkspace({ detail, connection, snapshot, user, mayEdit, onDetail }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [view, setView] = useState<View>('text');
  const [publishing, setPublishing] = useState(false);
  const editable = mayEdit && connection !== null && snapshot.refused === null;
  const collaboration = connection && { ydoc: connection.ydoc, provider: connection.provider, user: { name: user.displayName, color: user.color } };

  const editor = useEditor(
    {
      extensions: templateEditorExtensions(collaboration, () => setMenuOpen(true)),
      // The synced document as the first content, as on the agreement page (AgreementEditor.tsx). y-tiptap
      // names the top node „doc"; the template's is templateDoc, else TipTap warns and starts empty.
      content: connection ? { ...(yXmlFragmentToProsemirrorJSON(connection.ydoc.getXmlFragment(TEMPLATE_FRAGMENT)) as JSONContent), type: TEMPLATE_NODES.doc } : detail.content,
      editable,
      editorProps: {
        attributes: { class: 'agreement-body template-editor', lang: 'de', 'aria-label': `Vorlagentext ${detail.label}${editable ? '' : ' – nur lesen'}` },
      },
    },
    [connection],
  );

  // Once the server refused the connection (published meanwhile), nothing typed would be saved.
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <>
      <div className="editor-bar">
        <div className="editor-bar-inner">
          {editable ? <TemplateToolbar editor={editor} menuOpen={menuOpen} onMenuOpen={setMenuOpen} /> : <p className="read-only-badge">{detail.state === 'published' ? 'Veröffentlicht – nicht änderbar' : 'Nur lesen'}</p>}
          <div className="view-switch" role="group" aria-label="Ansicht">
            <button type="button" className="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
              Text
            </button>
            <button type="button" className="button" aria-pressed={view === 'preview'} onClick={() => setView('preview')}>
              Vorschau
            </button>
          </div>
          <div className="editor-bar-status">
            {connection && <Presence provider={connection.provider} username={user.username} />}
            {connection && <SaveIndicator snapshot={snapshot} />}
            {editable && (
              <button type="button" className="button button-primary" onClick={() => setPublishing(true)}>
                Veröffentlichen
              </button>
            )}
          </div>
        </div>
      </div>
      <main className="sheet-area template-area">
        {/* The editor stays mounted in the preview: the live document and the caret stay as they were. */}
        <article className={`sheet${editable ? ' is-editable' : ''}`} hidden={view !== 'text'}>
          <EditorContent editor={editor} />
        </article>
        {view === 'preview' && <TemplatePreview editor={editor} version={detail.version} ministry={detail.ministry} initialYear={yearOf(detail.version)} />}
        <aside className="template-side">
          <VersionFieldsForm key={`${detail.version}:${detail.state}`} detail={detail} editable={mayEdit && detail.state === 'draft'} onSaved={onDetail} />
          <dl className="template-facts">
            <dt>Kennung</dt>
            <dd>{detail.version}</dd>
            <dt>Grundlage</dt>
            <dd>{detail.basedOn ?? '–'}</dd>
            {detail.sha256 && (
              <>
                <dt>SHA-256</dt>
                <dd className="template-hash">{detail.sha256}</dd>
              </>
            )}
          </dl>
        </aside>
      </main>
      {editable && <PublishDialog detail={detail} open={publishing} onClose={() => setPublishing(false)} onPublished={onDetail} />}
    </>
  );
}
