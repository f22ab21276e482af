import type { HistoryEvent } from '../../../shared/api.js';
import { ownNameForm } from '../../../shared/agreementTitle.js';
import type { PartnerForms } from '../../../shared/districts.js';
import { formatDate, formatDateTime, formatEuro } from '../../../shared/format.js';
import { PARTY_LABELS, shortHash } from '../../../shared/signoff.js';

function describe(event: HistoryEvent, partner: PartnerForms): string {
  const d = event.details;
  switch (event.kind) {
    case 'created':
      return 'Angelegt';
    case 'released':
      return `Zur Zeichnung freigegeben (SHA-256 ${shortHash(d.hash ?? '')})`;
    case 'reopened': {
      const voided = (d.voided ?? '').split(',').filter((p): p is 'ministry' | 'district' => p === 'ministry' || p === 'district');
      const suffix = voided.length > 0 ? ` Aufgehobene Unterschriften: ${voided.map((p) => PARTY_LABELS[p]).join(', ')}.` : '';
      return `Zur Überarbeitung zurückgeholt. Begründung: „${d.reason ?? ''}“${endsSentence(d.reason ?? '') ? '' : '.'}${suffix}`;
    }
    case 'signed':
      if (d.paper) return `Auf Papier unterzeichnet für ${d.party === 'ministry' ? 'das Ministerium' : ownNameForm(partner.accusative)}: ${d.name ?? ''}, ${d.place ?? ''}${d.date ? `, ${formatDate(d.date)}` : ''} (erfasst)`;
      return `Unterzeichnet für ${d.party === 'ministry' ? 'das Ministerium' : ownNameForm(partner.accusative)} in ${d.place ?? ''}`;
    case 'final':
      return d.paper ? 'Auf Papier von beiden Parteien unterzeichnet: endgültig' : 'Von beiden Parteien unterzeichnet: endgültig';
    case 'paper-recorded':
      return `Auf Papier unterzeichnete Vereinbarung erfasst (SHA-256 ${shortHash(d.hash ?? '')})`;
    case 'scan-uploaded':
      return `Unterschriebenen Scan angehängt: ${d.filename ?? ''}`;
    // Version history (issue 12); the history panel of hist-ui words these fully.
    case 'fields-changed':
      return d.field === 'amountCents' ? `Betrag in § 4 geändert: ${formatEuro(Number(d.from))} → ${formatEuro(Number(d.to))}` : 'Felder geändert';
    case 'version-saved':
      return `Fassung gesichert: „${d.name ?? ''}“`;
    case 'restored':
      return d.label ?? 'Fassung wiederhergestellt';
  }
}

/** A quoted reason that ends with its own full stop (or ? !) takes none after the closing quote. */
const endsSentence = (text: string) => /[.!?…]$/.test(text.trim());

/** The agreement's append-only event log, oldest first; nobody can edit it. */
export function HistoryList({ events, partner }: { events: HistoryEvent[] | null; partner: PartnerForms }) {
  if (events === null) return <p className="signoff-muted">Verlauf wird geladen …</p>;
  return (
    <ol className="signoff-history" aria-label="Verlauf">
      {events.map((event) => (
        <li key={event.id} data-kind={event.kind}>
          <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
          <span className="signoff-history-what">{describe(event, partner)}</span>
          <span className="signoff-history-who">{event.actorName}</span>
        </li>
      ))}
    </ol>
  );
}
