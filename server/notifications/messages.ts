import { formatEuro } from '../../shared/format.js';
import type { NotificationKind } from '../../shared/notifications/types.js';

/**
 * The German words of a notification, in the list and in the mail. A mail names the agreement by
 * its title and never carries its content: no comment text, no field, nothing the mail servers on
 * the way need not see. The in-app text may quote the reopening reason, which is on record anyway.
 */
export interface MessageFacts {
  kind: NotificationKind;
  /** „Zielvereinbarung 2024 – Werra-Meißner-Kreis“. */
  title: string;
  actorName: string;
  /** reopened: the reason given; amount-changed: the new amount in cents; signed: the party's label. */
  reason?: string;
  amountCents?: number;
  partyLabel?: string;
  /** deadline kinds: the date, „15.03.2025“. */
  deadline?: string;
}

export function notificationText(f: MessageFacts): string {
  switch (f.kind) {
    case 'mention':
      return `${f.actorName} hat Sie in einem Kommentar zu „${f.title}“ erwähnt.`;
    case 'reply':
      return `${f.actorName} hat in einem Kommentarverlauf zu „${f.title}“ geantwortet.`;
    case 'sign-requested':
      return `Bitte zeichnen: „${f.title}“ ist zur Zeichnung freigegeben.`;
    case 'signed':
      return `${f.partyLabel ?? f.actorName} hat „${f.title}“ unterzeichnet.`;
    case 'final':
      return `„${f.title}“ ist von beiden Seiten unterzeichnet und abgeschlossen.`;
    case 'reopened':
      return `${f.actorName} hat „${f.title}“ wieder geöffnet. Grund: ${f.reason ?? '–'}`;
    case 'amount-changed':
      return `${f.actorName} hat den Betrag in § 4 von „${f.title}“ auf ${formatEuro(f.amountCents ?? 0)} geändert.`;
    case 'round-started':
      return `Eine neue Runde hat begonnen: „${f.title}“ ist als Entwurf angelegt.`;
    case 'deadline-soon':
      return `Die Frist für „${f.title}“ endet am ${f.deadline ?? '–'}.`;
    case 'deadline-overdue':
      return `Die Frist für „${f.title}“ ist am ${f.deadline ?? '–'} abgelaufen.`;
  }
}

const SUBJECTS: Readonly<Record<NotificationKind, string>> = {
  mention: 'Sie wurden erwähnt',
  reply: 'Neue Antwort',
  'sign-requested': 'Bitte zeichnen',
  signed: 'Unterzeichnet',
  final: 'Abgeschlossen',
  reopened: 'Wieder geöffnet',
  'amount-changed': 'Betrag geändert',
  'round-started': 'Neue Runde',
  'deadline-soon': 'Frist endet bald',
  'deadline-overdue': 'Frist überschritten',
};

const FOOTER = 'Diese Nachricht wurde von vereinbar automatisch versandt. Welche E-Mails Sie erhalten, stellen Sie unter „Mein Konto“ ein.';

/**
 * A single mail: subject and plain text with the link. The mail holds the title only, so the
 * reopening reason is left out (it can say anything about the content); the link leads to it.
 */
export function notificationMail(f: MessageFacts, url: string): { subject: string; body: string } {
  const text = f.kind === 'reopened' ? `${f.actorName} hat „${f.title}“ wieder geöffnet.` : notificationText(f);
  return {
    subject: `vereinbar: ${SUBJECTS[f.kind]} – ${f.title}`,
    body: `Guten Tag,\n\n${text}\n\nZur Vereinbarung: ${url}\n\n-- \n${FOOTER}\n`,
  };
}

/**
 * The in-app text as it may go by mail: the reopening reason stays in the app (it may say
 * anything about the content). Used by the digest, which is built from the stored texts.
 */
export function mailSafeText(kind: NotificationKind, text: string): string {
  return kind === 'reopened' ? text.replace(/ Grund: [\s\S]*$/, '') : text;
}

/** The daily digest: one line and link per notification. */
export function digestMail(items: readonly { text: string; url: string }[]): { subject: string; body: string } {
  const lines = items.map((item) => `* ${item.text}\n  ${item.url}`).join('\n\n');
  return {
    subject: `vereinbar: ${items.length === 1 ? '1 neue Benachrichtigung' : `${items.length} neue Benachrichtigungen`}`,
    body: `Guten Tag,\n\nseit der letzten Zusammenfassung gab es in vereinbar:\n\n${lines}\n\n-- \n${FOOTER}\n`,
  };
}
