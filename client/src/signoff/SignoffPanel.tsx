import { useState } from 'react';
import type { AgreementDetail, SessionUser, SignatureInfo, SigningParty } from '../../../shared/api.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { signingPartyOf } from '../../../shared/permissions.js';
import type { Connection } from '../collab/connection.js';
import { HistoryList } from '../history/HistoryList.js';
import { SIGNOFF_PANEL_ID } from './AgreementStatusBar.js';
import { ReleaseDialog } from './ReleaseDialog.js';
import { ReopenDialog } from './ReopenDialog.js';
import { ScanList } from './ScanList.js';
import { SignDialog } from './SignDialog.js';
import { signoffApi } from './signoffApi.js';
import { useAction } from './useAction.js';
import { useLiveSignoff } from './useLiveSignoff.js';
import './signoff.css';

function statusText(detail: AgreementDetail): string {
  switch (detail.status) {
    case 'draft':
      return 'Entwurf: noch nicht zur Zeichnung freigegeben.';
    case 'released':
      return 'Zur Zeichnung freigegeben: der Text ist eingefroren und wartet auf beide Unterschriften.';
    case 'partially-signed':
      return 'Eine Partei hat unterzeichnet; die zweite Unterschrift fehlt noch.';
    case 'final':
      if (detail.signatures.length > 0 && detail.signatures.every((s) => s.paper)) {
        return 'Auf Papier von beiden Parteien unterzeichnet und vom Ministerium erfasst; der unterschriebene Scan ist unten angehängt. Die Vereinbarung ist endgültig.';
      }
      return 'Von beiden Parteien unterzeichnet. Die Vereinbarung ist endgültig und kann nicht mehr geändert werden.';
  }
}

function SignatureLine({ party, label, signature }: { party: SigningParty; label: string; signature: SignatureInfo | undefined }) {
  return (
    <li data-party={party}>
      <span className="signoff-party">{label}</span>{' '}
      {signature ? (
        <span>
          {signature.paper ? 'auf Papier unterzeichnet von' : 'unterzeichnet von'} {signature.name}, {signature.place}
          {signature.date ? `, ${formatDate(signature.date)}` : ', ohne Datum'}
        </span>
      ) : (
        <span className="signoff-muted">noch nicht unterzeichnet</span>
      )}
    </li>
  );
}

/**
 * The sign-off of an agreement beside its text: status, the actions the server allows this user
 * (release, reopen, sign), signatures, PDF, signed scans and the history. Every action is decided
 * on the server; the buttons only offer what the permissions say.
 */
export function SignoffPanel({ initial, connection, user }: { initial: AgreementDetail; connection: Connection; user: SessionUser }) {
  const { detail, history, error, refresh } = useLiveSignoff(initial, connection.ydoc);
  const [dialog, setDialog] = useState<'release' | 'sign' | 'reopen' | null>(null);
  const releasing = useAction();
  const party: SigningParty = signingPartyOf(user, detail.districtId) ?? (user.districtId === null ? 'ministry' : 'district');
  const signatureOf = (p: SigningParty) => detail.signatures.find((s) => s.party === p);
  const { permissions, release } = detail;

  async function releaseNow() {
    if (await releasing.run(() => signoffApi.release(detail.id).then(() => undefined), 'Die Freigabe ist fehlgeschlagen.')) {
      setDialog(null);
      refresh();
    }
  }

  return (
    <section className="signoff" id={SIGNOFF_PANEL_ID} aria-labelledby="signoff-title" tabIndex={-1}>
      <h2 id="signoff-title">Zeichnung</h2>
      <p className="signoff-status" role="status">
        {statusText(detail)}
      </p>
      {release && (
        <p className="signoff-release">
          Freigegeben am {formatDateTime(release.releasedAt)}. Prüfwert (SHA-256 des freigegebenen Textes):{' '}
          <code className="signoff-hash" data-testid="release-hash">
            {release.hash}
          </code>{' '}
          <a href={signoffApi.releasedTextUrl(detail.id)} target="_blank" rel="noopener">
            freigegebener Text
          </a>
        </p>
      )}
      <ul className="signoff-signatures" aria-label="Unterschriften">
        <SignatureLine party="ministry" label="Ministerium:" signature={signatureOf('ministry')} />
        <SignatureLine party="district" label={`${detail.districtName}:`} signature={signatureOf('district')} />
      </ul>
      <div className="signoff-actions">
        {permissions.release && (
          <button type="button" className="button button-primary" onClick={() => setDialog('release')} aria-haspopup="dialog">
            Zur Zeichnung freigeben
          </button>
        )}
        {permissions.sign && release && (
          <button type="button" className="button button-primary" onClick={() => setDialog('sign')}>
            Unterzeichnen
          </button>
        )}
        {permissions.reopen && (
          <button type="button" className="button" onClick={() => setDialog('reopen')}>
            Zur Überarbeitung zurückholen
          </button>
        )}
        <a className="button" href={signoffApi.pdfUrl(detail.id)} download={`${detail.id}.pdf`}>
          PDF herunterladen
        </a>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>Unterschriebener Scan</h3>
      <ScanList agreementId={detail.id} scans={detail.scans} mayUpload={permissions.uploadScan} onUploaded={refresh} />
      <h3>Verlauf der Zeichnung</h3>
      <HistoryList events={history} partner={detail.fields.partner} categories={['signoff']} label="Verlauf der Zeichnung" />
      {release && (
        <SignDialog
          agreementId={detail.id}
          party={party}
          partyName={detail.districtName}
          seat={party === 'ministry' ? detail.fields.ministrySignatory.place : detail.fields.districtSignatory.place}
          hash={release.hash}
          open={dialog === 'sign'}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
      <ReleaseDialog
        ydoc={connection.ydoc}
        open={dialog === 'release'}
        pending={releasing.pending}
        error={releasing.error}
        onConfirm={() => void releaseNow()}
        onClose={() => {
          releasing.setError(null);
          setDialog(null);
        }}
      />
      <ReopenDialog agreementId={detail.id} signatures={detail.signatures} open={dialog === 'reopen'} onClose={() => setDialog(null)} onDone={refresh} />
    </section>
  );
}
