import type { MouseEvent, ReactNode } from 'react';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { Link, useLocation } from '../router.js';
import { useSession } from '../session.js';

/**
 * „Zum Inhalt springen“, the first Tab stop of every page: past the header to the page's <main>
 * (on an agreement, the document and its comments). Visible only while it has the focus.
 */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return;
  event.preventDefault();
  main.tabIndex = -1;
  main.focus();
}

/** The slim bar above every signed-in page: product name, where one is, Benutzer (admins), Mein Konto, the bell, who one is, Abmelden. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { user, logout } = useSession();
  const path = useLocation().split('?')[0];
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <header className="app-header">
      <a className="skip-link" href="#inhalt" onClick={skipToContent}>
        Zum Inhalt springen
      </a>
      <Link href="/" className="brand">
        vereinbar
      </Link>
      {user.districtId === null && (
        <nav className="app-header-nav" aria-label="Bereiche">
          <Link href="/">Übersicht</Link>
          {user.role === 'ministry-editor' && <Link href="/runden/neu">Neue Runde</Link>}
          <Link href="/vorlagen" aria-current={current('/vorlagen')}>
            Vorlagen
          </Link>
        </nav>
      )}
      <div className="app-header-context">{children}</div>
      <nav className="app-header-nav" aria-label="Verwaltung">
        {user.admin && (
          <Link href="/benutzer" aria-current={current('/benutzer')}>
            Benutzer
          </Link>
        )}
        <Link href="/konto" aria-current={current('/konto')}>
          Mein Konto
        </Link>
      </nav>
      <div className="app-header-user">
        <NotificationBell />
        <span className="user-name">{user.displayName}</span>
        <span className="user-party">{user.partyLabel}</span>
        <button type="button" className="button button-quiet" onClick={() => void logout()}>
          Abmelden
        </button>
      </div>
    </header>
  );
}
