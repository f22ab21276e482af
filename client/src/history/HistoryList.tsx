import type { HistoryEvent } from '../../../shared/api.js';
import { ownNameForm } from '../../../shared/agreementTitle.js';
import type { PartnerForms } from '../../../shared/districts.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { PARTY_LABELS, shortHash } from '../../../shared/signoff.js';
import type { HistoryCategory } from './types.js';
import { fieldLabel, fieldValue } from './wording.js';

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
    case 'fields-changed':
      return describeFieldChange(d);
    case 'version-saved':
      return `Fassung gesichert: „${d.name ?? ''}“`;
    case 'restored':
      return `§ 5 wiederhergestellt aus Fassung „${d.versionName ?? ''}“`;
  }
}

/** „§ 4 Betrag geändert: 462.800 Euro → 470.000 Euro“, from the event's details as the server wrote them. */
function describeFieldChange(d: Record<string, string>): string {
  const field = d.field ?? '';
  const value = (raw: string | undefined) => {
    if (raw === undefined) return '(leer)';
    try {
      return fieldValue(field, JSON.parse(raw) as unknown);
    } catch {
      return fieldValue(field, raw);
    }
  };
  return `${fieldLabel(field)} geändert: ${value(d.from)} → ${value(d.to)}`;
}

/** A quoted reason that ends with its own full stop (or ? !) takes none after the closing quote. */
const endsSentence = (text: string) => /[.!?…]$/.test(text.trim());

/** What the Verlauf panel filters the event by. */
export const categoryOf = (event: HistoryEvent): HistoryCategory => event.category;

/**
 * The agreement's append-only event log, oldest first; nobody can edit it. `categories` shows only
 * events of those kinds (the Verlauf panel's filter; the Zeichnung panel shows its own).
 */
export function HistoryList(props: { events: HistoryEvent[] | null; partner: PartnerForms; categories?: readonly HistoryCategory[]; label?: string; className?: string }) {
  const { events, partner, categories, label = 'Verlauf', className = 'signoff-history' } = props;
  if (events === null) return <p className="signoff-muted">Verlauf wird geladen …</p>;
  const shown = categories ? events.filter((event) => categories.includes(categoryOf(event))) : events;
  if (shown.length === 0) return <p className="signoff-muted">Keine Ereignisse dieser Art.</p>;
  return (
    <ol className={className} aria-label={label}>
      {shown.map((event) => (
        <li key={event.id} data-kind={event.kind} data-category={categoryOf(event)}>
          <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
          <span className="signoff-history-what">{describe(event, partner)}</span>
          <span className="signoff-history-who">{event.actorName}</span>
        </li>
      ))}
    </ol>
  );
}
