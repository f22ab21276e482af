import { useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { isRole, type Role } from '../../../shared/roles.js';

/** One person who has the agreement open, however many tabs they use. */
export interface PresentUser {
  /** The username the server vouches for; the name where an old server did not send it. */
  key: string;
  name: string;
  color: string;
  /** „Ministerium“ or the district's name. */
  party: string;
  role: Role | null;
}

const COLOR = /^#[0-9a-f]{6}$/i;

const field = (object: object, name: string): string | null => {
  const value: unknown = (object as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
};

/** The `user` of an awareness state; the server overwrites it with the authenticated identity. */
export function userOf(state: unknown): PresentUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== 'object' || user === null) return null;
  const name = field(user, 'name');
  if (name === null) return null;
  const color = field(user, 'color');
  const role = field(user, 'role');
  return {
    key: field(user, 'username') ?? name,
    name,
    color: color !== null && COLOR.test(color) ? color : '#5f6368',
    party: field(user, 'party') ?? '',
    role: isRole(role) ? role : null,
  };
}

/**
 * Everyone else, one entry per person: several tabs (awareness client ids) of one username are
 * one person, and one's own other tabs are not a collaborator at all.
 */
export function presentUsers(states: ReadonlyMap<number, unknown>, ownClientId: number, ownUsername: string): PresentUser[] {
  const users = new Map<string, PresentUser>();
  states.forEach((state, clientId) => {
    if (clientId === ownClientId) return;
    const user = userOf(state);
    if (user && user.key !== ownUsername && !users.has(user.key)) users.set(user.key, user);
  });
  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.key.localeCompare(b.key));
}

interface PresenceStore {
  subscribe(listener: () => void): () => void;
  read(): PresentUser[];
}

/** One store per provider and user, so that React gets the same array until somebody comes or goes. */
const stores = new WeakMap<WebsocketProvider, Map<string, PresenceStore>>();

function presenceStore(provider: WebsocketProvider, ownUsername: string): PresenceStore {
  const byUser = stores.get(provider) ?? new Map<string, PresenceStore>();
  stores.set(provider, byUser);
  const existing = byUser.get(ownUsername);
  if (existing) return existing;
  const awareness = provider.awareness;
  let cache: { key: string; users: PresentUser[] } = { key: '', users: [] };
  const store: PresenceStore = {
    subscribe(listener) {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    read() {
      const users = presentUsers(awareness.getStates(), awareness.clientID, ownUsername);
      const key = users.map((user) => `${user.key}|${user.name}|${user.color}|${user.party}|${user.role ?? ''}`).join('/');
      if (key !== cache.key) cache = { key, users };
      return cache.users;
    },
  };
  byUser.set(ownUsername, store);
  return store;
}

/** Everyone else who has this agreement open, one entry per person even with several tabs. */
export function usePresence(provider: WebsocketProvider, ownUsername: string): PresentUser[] {
  const store = presenceStore(provider, ownUsername);
  // The same read for a server render (only the tests render without a browser).
  return useSyncExternalStore(store.subscribe, store.read, store.read);
}
