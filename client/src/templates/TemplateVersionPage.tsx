import { useState } from 'react';
import { CLOSE } from '../../../shared/protocol.js';
import type { TemplateVersionDetail } from '../../../shared/template/model.js';
import { closeMessage } from '../collab/closeMessages.js';
import { useConnection, useConnectionSnapshot, useWarnBeforeLeaving } from '../collab/useConnection.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';
import { templateRoom, templatesApi } from './templatesApi.js';
import { TemplateWorkspace } from './TemplateWorkspace.js';
import { useVersionState } from './useVersionState.js';
import { STATE_LABELS } from './versionLabels.js';
import '../styles/templates.css';

/** One template version: a draft opens in the live editor, a published version read-only. */
export function TemplateVersionPage({ version }: { version: string }) {
  const { user } = useSession();
  const [reload, setReload] = useState(0);
  const state = useResource(() => templatesApi.detail(version), `template:${version}:${reload}`);
  // What this page changed since (fields saved, published) stands over the loaded detail.
  const [changed, setDetail] = useState<TemplateVersionDetail | null>(null);
  const detail = changed ?? (state.kind === 'loaded' ? state.value : null);
  const heading = usePageTitle(detail ? `Vorlage ${detail.label}` : 'Vorlage');

  // Only a draft has a live room; a published version is its stored document.
  const isDraft = detail?.state === 'draft' && user.districtId === null;
  const connection = useConnection(isDraft ? templateRoom(version) : null, user.username);
  const snapshot = useConnectionSnapshot(connection);
  useWarnBeforeLeaving(snapshot.unsaved);
  const refused = snapshot.refused;
  // Published by someone else while this page is open: the live document says so at once.
  const liveState = useVersionState(connection, 'draft');
  const publishedMeanwhile = isDraft && liveState === 'published';
  const shownState = publishedMeanwhile ? 'published' : (detail?.state ?? 'draft');
  const showCurrent = () => {
    setDetail(null);
    setReload((n) => n + 1);
  };

  return (
    <>
      <AppHeader>
        <nav aria-label="Brotkrumen" className="breadcrumbs">
          {user.districtId === null ? <Link href="/vorlagen">Vorlagen</Link> : <span>Vorlagen</span>}
          <span aria-hidden="true"> › </span>
          <h1 ref={heading} tabIndex={-1} className="breadcrumbs-current">
            {detail ? detail.label : version}
          </h1>
          {detail && <span className={`status-badge template-state-${shownState}`}>{STATE_LABELS[shownState]}</span>}
        </nav>
      </AppHeader>
      {isDraft && (publishedMeanwhile || refused) && (
        <div className="banner">
          {publishedMeanwhile || refused?.code === CLOSE.notEditable ? (
            // Published by someone else while open: the text is fixed now; show it as it is.
            <Notice tone="info" title="Veröffentlicht" action={<button type="button" className="button" onClick={showCurrent}>Veröffentlichte Fassung anzeigen</button>}>
              Diese Version wurde inzwischen veröffentlicht und kann nicht mehr geändert werden.
            </Notice>
          ) : (
            <Notice tone="error" title="Verbindung abgelehnt" action={<button type="button" className="button" onClick={() => location.reload()}>Seite neu laden</button>}>
              {closeMessage(refused?.code ?? 0)}
            </Notice>
          )}
        </div>
      )}
      {connection && snapshot.lost && (
        // Kept in this browser from an earlier visit, but the version is published now (or they were refused).
        <div className="banner">
          <Notice tone="error" title="Änderungen aus diesem Browser konnten nicht gespeichert werden" action={<button type="button" className="button" onClick={connection.discardLost}>Hinweis schließen und Änderungen verwerfen</button>}>
            {snapshot.lost.count === 1 ? 'Eine Änderung ist' : `${snapshot.lost.count} Änderungen sind`} nicht in die Fassung eingegangen: Sie ist inzwischen veröffentlicht, oder der Server hat sie nicht angenommen. Was noch fehlt, gehört in eine neue Fassung.
          </Notice>
        </div>
      )}
      {state.kind === 'error' && (
        <main className="page">
          <Notice tone="error" title="Die Vorlage kann nicht geöffnet werden">
            {state.message}
          </Notice>
        </main>
      )}
      {detail && (!isDraft || (connection && snapshot.firstSynced)) && (
        <TemplateWorkspace
          key={`${detail.version}:${detail.state}`}
          detail={detail}
          connection={isDraft ? connection : null}
          snapshot={snapshot}
          user={user}
          mayEdit={isDraft && !publishedMeanwhile && user.role === 'ministry-editor'}
          onDetail={setDetail}
        />
      )}
      {(state.kind === 'loading' || (isDraft && !snapshot.firstSynced && !refused)) && (
        <p className="page-status" role="status">
          Vorlage wird geladen …
        </p>
      )}
    </>
  );
}
