import { useState } from 'react';
import { Notice } from '../ui/Notice.js';
import type { LostChanges } from './offlineChanges.js';
import './lostChanges.css';

const changes = (count: number) => (count === 1 ? 'Eine Änderung' : `${count} Änderungen`);

const when = (savedAt: number) =>
  new Date(savedAt).toLocaleString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Changes kept in this browser from an earlier visit that the server can no longer take because
 * the agreement was released meanwhile. Says so plainly and shows their text, so that nothing is
 * lost without a word; the user discards them only after reading (and perhaps copying) them.
 */
export function LostChangesNotice({ lost, onDiscard }: { lost: LostChanges; onDiscard: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = lost.texts.join('\n');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('In die Zwischenablage kopiert.'),
      () => setCopied('Kopieren nicht möglich; bitte den Text markieren und mit Strg+C kopieren.'),
    );
  };
  const actions = (
    <p className="lost-changes-actions">
      {lost.texts.length > 0 && (
        <button type="button" className="button" onClick={copy}>
          Text kopieren
        </button>
      )}
      <button type="button" className="button" onClick={onDiscard}>
        Gelesen – aus diesem Browser entfernen
      </button>
      {copied && <span role="status">{copied}</span>}
    </p>
  );
  return (
    <div className="banner lost-changes">
      <Notice tone="error" title="Änderungen aus diesem Browser konnten nicht gespeichert werden" action={actions}>
        <p>
          {changes(lost.count)} vom {when(lost.savedAt)} {lost.count === 1 ? 'war' : 'waren'} nur in diesem Browser gesichert.{' '}
          {lost.reason === 'released'
            ? `Inzwischen wurde die Zielvereinbarung zur Zeichnung freigegeben; ihr Text ist eingefroren, daher ${lost.count === 1 ? 'ist sie' : 'sind sie'} nicht in die Vereinbarung eingegangen. Soll der Text noch aufgenommen werden, muss die Freigabe zurückgeholt werden.`
            : `Der Server hat sie nicht angenommen (die Vereinbarung ist nicht mehr bearbeitbar oder die Änderung war nicht erlaubt); sie ${lost.count === 1 ? 'ist' : 'sind'} nicht in die Vereinbarung eingegangen.`}
        </p>
        {lost.texts.length > 0 ? (
          <>
            <p>Diese Projekte standen in den nicht gespeicherten Änderungen:</p>
            <ul className="lost-changes-list">
              {lost.texts.map((entry, index) => (
                <li key={index}>{entry}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Sie enthielten keinen neuen Projekttext (nur Löschungen oder Umstellungen).</p>
        )}
      </Notice>
    </div>
  );
}
