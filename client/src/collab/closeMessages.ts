import { CLOSE } from '../../../shared/protocol.js';

/** What a person should read when the server refuses the connection for good (4400–4499). */
const MESSAGES: Readonly<Record<number, string>> = {
  [CLOSE.badMessage]: 'Der Server hat eine fehlerhafte Nachricht dieses Browsers abgewiesen. Bitte laden Sie die Seite neu.',
  [CLOSE.unauthenticated]: 'Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an.',
  [CLOSE.forbiddenUpdate]:
    'Der Server hat eine Änderung abgelehnt, die Sie nicht vornehmen dürfen. Die Verbindung wurde getrennt; bitte laden Sie die Seite neu.',
  [CLOSE.notFound]: 'Diese Zielvereinbarung gibt es nicht mehr.',
  [CLOSE.notEditable]:
    'Die Zielvereinbarung ist zur Zeichnung freigegeben und kann nicht mehr bearbeitet werden. Bitte laden Sie die Seite neu.',
  [CLOSE.tooLarge]: 'Eine Änderung war zu groß für den Server. Bitte laden Sie die Seite neu.',
  [CLOSE.unresolvedUpdates]: 'Einige Änderungen dieses Browsers ließen sich nicht zuordnen. Bitte laden Sie die Seite neu.',
  [CLOSE.tooManyMessages]: 'Zu viele Änderungen in kurzer Zeit. Bitte warten Sie einen Moment und laden Sie die Seite neu.',
};

export function closeMessage(code: number): string {
  return MESSAGES[code] ?? `Die Verbindung wurde vom Server abgelehnt (Code ${code}). Bitte laden Sie die Seite neu.`;
}
