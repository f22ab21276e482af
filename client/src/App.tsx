import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CurrentUser } from '../../shared/accounts/types.js';
import { api, ApiError } from './api.js';
import { AccountPage } from './account/AccountPage.js';
import { FirstPasswordPage } from './account/FirstPasswordPage.js';
import { AgreementListPage } from './pages/AgreementListPage.js';
// The editor (TipTap, Yjs) is most of the code; the login and the list load without it.
import { AgreementRoute } from './pages/AgreementRoute.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { BoardPage } from './rounds/board/BoardPage.js';
import { dropEarly, earlyKeys, takeEarly } from './earlyRequests.js';
import { matchRoute, navigate, useLocation } from './router.js';
import { clearSessionHint, hasSessionHint, SessionContext, type Session } from './session.js';
import { Notice } from './ui/Notice.js';

const UsersPage = lazy(async () => ({ default: (await import('./users/UsersPage.js')).UsersPage }));
// The form checks with the server's rules (shared/rounds/validate.ts), which bring the template.
const NewRoundPage = lazy(async () => ({ default: (await import('./rounds/new/NewRoundPage.js')).NewRoundPage }));
const PaperAgreementPage = lazy(async () => ({ default: (await import('./rounds/paper/PaperAgreementPage.js')).PaperAgreementPage }));
// The template pages bring TipTap and the template compiler, like the agreement page.
const TemplatesPage = lazy(async () => ({ default: (await import('./templates/TemplatesPage.js')).TemplatesPage }));
const TemplateVersionPage = lazy(async () => ({ default: (await import('./templates/TemplateVersionPage.js')).TemplateVersionPage }));
const TemplateComparePage = lazy(async () => ({ default: (await import('./templates/TemplateComparePage.js')).TemplateComparePage }));
const AddPartnersPage = lazy(async () => ({ default: (await import('./rounds/new/AddPartnersPage.js')).AddPartnersPage }));

type SessionState = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'user'; user: CurrentUser } | { kind: 'error'; message: string };

const loginPath = (next: string) => (next === '/' ? '/anmelden' : `/anmelden?weiter=${encodeURIComponent(next)}`);

export function App() {
  const location = useLocation();
  const route = matchRoute(location);
  // Without the hint no session can exist: do not ask (an anonymous 401 would litter the console).
  const [state, setState] = useState<SessionState>(() => (hasSessionHint() ? { kind: 'loading' } : { kind: 'anonymous' }));

  useEffect(() => {
    if (!hasSessionHint()) return;
    (takeEarly<CurrentUser>(earlyKeys.session) ?? api.session()).then(
      (user) => setState({ kind: 'user', user }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          clearSessionHint();
          setState({ kind: 'anonymous' });
        } else setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }, []);

  // The requests main.tsx started belong to the first location only.
  const [firstLocation] = useState(location);
  useEffect(() => {
    if (location !== firstLocation) dropEarly();
  }, [location, firstLocation]);

  // Anonymous visitors go to the login page and come back afterwards; signed-in ones leave it.
  useEffect(() => {
    if (state.kind === 'anonymous' && route.page !== 'login') navigate(loginPath(location), { replace: true });
    if (state.kind === 'user' && route.page === 'login') navigate(route.next, { replace: true });
  }, [state.kind, route, location]);

  const expired = useCallback(() => setState({ kind: 'anonymous' }), []);
  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'user') return null;
    return {
      user: state.user,
      expired,
      update: (user: CurrentUser) => setState({ kind: 'user', user }),
      async logout() {
        try {
          await api.logout();
        } finally {
          setState({ kind: 'anonymous' });
          navigate('/anmelden');
        }
      },
    };
  }, [state, expired]);

  if (state.kind === 'loading') return <p className="page-status">Wird geladen …</p>;
  if (state.kind === 'error') return <Notice tone="error" title="vereinbar ist nicht erreichbar">{state.message}</Notice>;
  if (route.page === 'login' || !session) {
    return state.kind === 'anonymous' ? <LoginPage onLogin={(user) => setState({ kind: 'user', user })} /> : null;
  }
  // A one-time password opens nothing but the page to choose one's own (the server answers 403 elsewhere).
  if (session.user.mustChangePassword) {
    return (
      <SessionContext.Provider value={session}>
        <FirstPasswordPage />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      {/* The ministry starts on the board of its newest round; a district on its own agreements. */}
      {route.page === 'home' && (session.user.districtId === null ? <BoardPage year={null} /> : <AgreementListPage />)}
      {route.page === 'board' && (session.user.districtId === null ? <BoardPage key={route.year} year={route.year} /> : <NotFoundPage />)}
      {route.page === 'newRound' &&
        (session.user.role === 'ministry-editor' ? (
          <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
            <NewRoundPage />
          </Suspense>
        ) : (
          <NotFoundPage />
        ))}
      {route.page === 'addPartners' &&
        (session.user.role === 'ministry-editor' ? (
          <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
            <AddPartnersPage key={route.year} year={route.year} />
          </Suspense>
        ) : (
          <NotFoundPage />
        ))}
      {route.page === 'account' && <AccountPage />}
      {route.page === 'users' && (
        <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
          {session.user.admin ? <UsersPage /> : <NotFoundPage />}
        </Suspense>
      )}
      {route.page === 'paperAgreement' &&
        (session.user.role === 'ministry-editor' && session.user.districtId === null ? (
          <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
            <PaperAgreementPage />
          </Suspense>
        ) : (
          <NotFoundPage />
        ))}
      {route.page === 'agreement' && <AgreementRoute key={route.id} id={route.id} />}
      {route.page === 'templates' && (
        <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
          {session.user.districtId === null ? <TemplatesPage /> : <NotFoundPage />}
        </Suspense>
      )}
      {route.page === 'template' && (
        <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
          <TemplateVersionPage key={route.version} version={route.version} />
        </Suspense>
      )}
      {route.page === 'templateCompare' && (
        <Suspense fallback={<p className="page-status">Wird geladen …</p>}>
          <TemplateComparePage key={`${route.a}/${route.b}`} a={route.a} b={route.b} />
        </Suspense>
      )}
      {route.page === 'notFound' && <NotFoundPage />}
    </SessionContext.Provider>
  );
}
