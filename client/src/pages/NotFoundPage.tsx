import { Link } from '../router.js';
import { AppHeader } from '../ui/AppHeader.js';
import { usePageTitle } from '../usePageTitle.js';

export function NotFoundPage() {
  const heading = usePageTitle('Seite nicht gefunden');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1 ref={heading} tabIndex={-1}>
          Seite nicht gefunden
        </h1>
        <p>
          Diese Adresse gibt es in vereinbar nicht. <Link href="/">Zur Übersicht der Zielvereinbarungen</Link>
        </p>
      </main>
    </>
  );
}
