import { createContext, useContext } from 'react';
import type { SessionUser } from '../../shared/api.js';

export interface Session {
  user: SessionUser;
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
