import { Link, matchRoute, useLocation } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { usePageTitle } from '../usePageTitle.js';

/**
 * An address that is not there, or a page of the ministry (board, Neue Runde, Vorlagen, Benutzer)
 * opened by someone it is not meant for, e.g. a district official following a forwarded link:
 * „gibt es nicht" would be wrong then, so the page says who keeps it.
 */
export function NotFoundPage() {
  const known = matchRoute(useLocation()).page !== 'notFound';
  const heading = usePageTitle(known ? 'Kein Zugriff auf diese Seite' : 'Seite nicht gefunden');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1 ref={heading} tabIndex={-1}>
          {known ? 'Kein Zugriff auf diese Seite' : 'Seite nicht gefunden'}
        </h1>
        <p>
          {known
            ? 'Diese Seite ist Ihrem Konto nicht freigegeben: Runden, Vorlagen und Benutzer verwaltet das Ministerium. Brauchen Sie Zugriff, wenden Sie sich an die Benutzerverwaltung des Ministeriums. '
            : 'Diese Adresse gibt es in vereinbar nicht. '}
          <Link href="/">Zur Übersicht der Zielvereinbarungen</Link>
        </p>
      </main>
    </>
  );
}
