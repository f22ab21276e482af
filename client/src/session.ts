import { createContext, useContext } from 'react';
import type { CurrentUser } from '../../shared/accounts/types.js';
import { SESSION_HINT_COOKIE } from '../../shared/protocol.js';

export interface Session {
  user: CurrentUser;
  /** The server answered with a changed account (e-mail, password): show it. */
  update(user: CurrentUser): void;
  /** Ends the session on the server and shows the login page. */
  logout(): Promise<void>;
  /** The server answered 401: the session expired; show the login page and come back here. */
  expired(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a signed-in page');
  return session;
}

/** Whether a session was started in this browser (the server sets the hint at login). */
export function hasSessionHint(): boolean {
  return document.cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

/** The session is gone (401): the next page load need not ask. */
export function clearSessionHint(): void {
  document.cookie = `${SESSION_HINT_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}
