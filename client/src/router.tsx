import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** Path routing on the history API; the server answers every non-/api path with index.html. */
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentLocation = () => `${location.pathname}${location.search}`;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

/** The current path and query, e.g. "/vereinbarungen/aqb-2024-fulda". */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

export type Route =
  | { page: 'login'; next: string }
  | { page: 'home' }
  | { page: 'board'; year: number }
  | { page: 'newRound' }
  | { page: 'addPartners'; year: number }
  | { page: 'paperAgreement' }
  | { page: 'agreement'; id: string }
  | { page: 'users' }
  | { page: 'account' }
  | { page: 'templates' }
  | { page: 'template'; version: string }
  | { page: 'templateCompare'; a: string; b: string }
  | { page: 'notFound' };

export function matchRoute(pathAndQuery: string): Route {
  const url = new URL(pathAndQuery, location.origin);
  if (url.pathname === '/anmelden') {
    const next = url.searchParams.get('weiter') ?? '/';
    // Only local paths: a crafted link must not send the user elsewhere after login.
    return { page: 'login', next: next.startsWith('/') && !next.startsWith('//') ? next : '/' };
  }
  if (url.pathname === '/') return { page: 'home' };
  if (url.pathname === '/benutzer') return { page: 'users' };
  if (url.pathname === '/konto') return { page: 'account' };
  if (url.pathname === '/runden/neu') return { page: 'newRound' };
  if (url.pathname === '/papiervereinbarung') return { page: 'paperAgreement' };
  const round = /^\/runden\/(\d{4})\/?$/.exec(url.pathname);
  if (round?.[1]) return { page: 'board', year: Number(round[1]) };
  const addition = /^\/runden\/(\d{4})\/partner\/?$/.exec(url.pathname);
  if (addition?.[1]) return { page: 'addPartners', year: Number(addition[1]) };
  const agreement = /^\/vereinbarungen\/([^/]+)\/?$/.exec(url.pathname);
  if (agreement?.[1]) return { page: 'agreement', id: decodeURIComponent(agreement[1]) };
  if (url.pathname === '/vorlagen') return { page: 'templates' };
  const compare = /^\/vorlagen\/([^/]+)\/vergleich\/([^/]+)\/?$/.exec(url.pathname);
  if (compare?.[1] && compare[2]) return { page: 'templateCompare', a: decodeURIComponent(compare[1]), b: decodeURIComponent(compare[2]) };
  const template = /^\/vorlagen\/([^/]+)\/?$/.exec(url.pathname);
  if (template?.[1]) return { page: 'template', version: decodeURIComponent(template[1]) };
  return { page: 'notFound' };
}

/** An ordinary link that navigates without reloading the page (modified clicks open as usual). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
