import type { AgreementDetail } from '../../../shared/api.js';
import { api } from '../api.js';
import { earlyKeys, takeEarly } from '../earlyRequests.js';
import { closeMessage } from '../collab/closeMessages.js';
import { LostChangesNotice } from '../collab/LostChangesNotice.js';
import { useConnection, useConnectionSnapshot, useWarnBeforeLeaving } from '../collab/useConnection.js';
import { AgreementEditor } from '../editor/AgreementEditor.js';
import { HistoryButton, HistoryLayer } from '../history/HistoryLayer.js';
import { useHistoryView } from '../history/useHistoryView.js';
import { Link } from '../router.js';
import { usePinnedTemplate } from '../templates/templateCache.js';
import { AgreementStatusBar } from '../signoff/AgreementStatusBar.js';
import { LiveStatusBadge } from '../signoff/LiveStatusBadge.js';
import { SignoffPanel } from '../signoff/SignoffPanel.js';
import { useSession } from '../session.js';
import { AppHeader } from '../ui/AppHeader.js';
import { Notice } from '../ui/Notice.js';
import { useAfterPaint } from '../useAfterPaint.js';
import { usePageTitle } from '../usePageTitle.js';
import { useResource } from '../useResource.js';

export function AgreementPage({ id }: { id: string }) {
  const { user, expired } = useSession();
  const state = useResource(() => takeEarly<AgreementDetail>(earlyKeys.agreement(id)) ?? api.agreement(id), `agreement:${id}`);
  const title = state.kind === 'loaded' ? state.value.title : 'Zielvereinbarung';
  const heading = usePageTitle(title);

  // Connect only once the server has said we may open the agreement.
  const connection = useConnection(state.kind === 'loaded' ? id : null, user.username);
  const snapshot = useConnectionSnapshot(connection);
  useWarnBeforeLeaving(snapshot.unsaved);
  // The pinned version's text, fetched while the websocket connects and syncs (cached per version).
  const template = usePinnedTemplate(state.kind === 'loaded' ? state.value.templateVersion : null);
  const history = useHistoryView(id);
  const editorShown = state.kind === 'loaded' && template.kind === 'loaded' && connection !== null && snapshot.firstSynced;
  // The document first: the history's notices and panel and the signoff section below the sheet
  // (each with requests of its own) follow in the next frame.
  const restShown = useAfterPaint(editorShown);

  return (
    <>
      <AppHeader>
        <nav aria-label="Brotkrumen" className="breadcrumbs">
          <Link href="/">Zielvereinbarungen</Link>
          <span aria-hidden="true"> › </span>
          <h1 ref={heading} tabIndex={-1} className="breadcrumbs-current">
            {title}
          </h1>
          {state.kind === 'loaded' && <LiveStatusBadge connection={connection} fallback={state.value.status} />}
        </nav>
      </AppHeader>
      {state.kind === 'loaded' && connection && <AgreementStatusBar detail={state.value} connection={connection} actions={<HistoryButton view={history} />} />}
      {snapshot.refused && (
        <div className="banner">
          <Notice tone="error" title="Verbindung abgelehnt" action={<button type="button" className="button" onClick={() => location.reload()}>Seite neu laden</button>}>
            {closeMessage(snapshot.refused.code)}
          </Notice>
        </div>
      )}
      {connection && snapshot.lost && <LostChangesNotice lost={snapshot.lost} onDiscard={connection.discardLost} />}
      {(state.kind === 'error' || template.kind === 'error') && (
        <main className="page">
          <Notice tone="error" title="Die Zielvereinbarung kann nicht geöffnet werden">
            {state.kind === 'error' ? state.message : template.kind === 'error' ? template.message : ''}
          </Notice>
        </main>
      )}
      {state.kind === 'loaded' && template.kind === 'loaded' && connection && snapshot.firstSynced && restShown && <HistoryLayer view={history} detail={state.value} connection={connection} user={user} />}
      {state.kind === 'loaded' && template.kind === 'loaded' && connection && snapshot.firstSynced && (
        <AgreementEditor detail={state.value} template={template.value} connection={connection} snapshot={snapshot} user={user} onUnauthenticated={expired} extensions={history.extensions} />
      )}
      {state.kind === 'loaded' && template.kind === 'loaded' && connection && snapshot.firstSynced && restShown && <SignoffPanel initial={state.value} connection={connection} user={user} />}
      {(state.kind === 'loading' || (state.kind === 'loaded' && (!snapshot.firstSynced || template.kind === 'loading') && !snapshot.refused)) && (
        <p className="page-status" role="status">
          {snapshot.status === 'offline' && state.kind === 'loaded' ? 'Verbindung zum Server wird hergestellt …' : 'Zielvereinbarung wird geladen …'}
        </p>
      )}
    </>
  );
}
