import { useRef, useState, type ChangeEvent } from 'react';
import type { ScanInfo } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { shortHash } from '../../../shared/signoff.js';
import { signoffApi } from './signoffApi.js';

const MAX_BYTES = 10 * 1024 * 1024;

/** Signed scans (PDF) attached as the final record of a handwritten signature; anyone may download them. */
export function ScanList(props: { agreementId: string; scans: ScanInfo[]; mayUpload: boolean; onUploaded: () => void }) {
  const { agreementId, scans, mayUpload, onUploaded } = props;
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage({ tone: 'error', text: 'Der Scan ist zu groß (höchstens 10 MiB).' });
      return;
    }
    try {
      await signoffApi.uploadScan(agreementId, file);
      setMessage({ tone: 'ok', text: `„${file.name}“ ist angehängt.` });
      onUploaded();
    } catch (caught: unknown) {
      setMessage({ tone: 'error', text: caught instanceof Error ? caught.message : 'Der Scan konnte nicht hochgeladen werden.' });
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      {scans.length === 0 ? (
        <p className="signoff-muted">Kein unterschriebener Scan angehängt.</p>
      ) : (
        <ul className="signoff-scans">
          {scans.map((scan) => (
            <li key={scan.id}>
              <a href={signoffApi.scanUrl(agreementId, scan.id)}>{scan.filename}</a>{' '}
              <span className="signoff-muted">
                {formatDateTime(scan.uploadedAt)}, SHA-256 {shortHash(scan.sha256)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayUpload && (
        <p>
          {/* The input stays in the tab order; the label beside it shows its focus. */}
          <input id="scan-input" ref={input} className="visually-hidden signoff-file" type="file" accept="application/pdf,.pdf" onChange={(event) => void upload(event)} />
          <label className="button" htmlFor="scan-input">
            Unterschriebenen Scan (PDF) anhängen
          </label>
        </p>
      )}
      {message && (
        <p className={message.tone === 'error' ? 'form-error' : 'signoff-ok'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </>
  );
}
