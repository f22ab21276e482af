import { useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** The `user` of an awareness state; the server overwrites it with the authenticated identity. */
function userOf(clientId: number, state: unknown): PresentUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== 'object' || user === null || !('name' in user) || typeof user.name !== 'string') return null;
  const color = 'color' in user && typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#5f6368';
  return { clientId, name: user.name, color };
}

interface PresenceStore {
  subscribe(listener: () => void): () => void;
  read(): PresentUser[];
}

/** One store per provider, so that React gets the same array until somebody comes or goes. */
const stores = new WeakMap<WebsocketProvider, PresenceStore>();

function presenceStore(provider: WebsocketProvider): PresenceStore {
  const existing = stores.get(provider);
  if (existing) return existing;
  const awareness = provider.awareness;
  let cache: { key: string; users: PresentUser[] } = { key: '', users: [] };
  const store: PresenceStore = {
    subscribe(listener) {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    read() {
      const users: PresentUser[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = clientId === awareness.clientID ? null : userOf(clientId, state);
        if (user && !users.some((other) => other.name === user.name && other.color === user.color)) users.push(user);
      });
      users.sort((a, b) => a.name.localeCompare(b.name, 'de'));
      const key = users.map((user) => `${user.name}|${user.color}`).join('/');
      if (key !== cache.key) cache = { key, users };
      return cache.users;
    },
  };
  stores.set(provider, store);
  return store;
}

/** Everyone else who has this agreement open, one entry per person even with several tabs. */
export function usePresence(provider: WebsocketProvider): PresentUser[] {
  const store = presenceStore(provider);
  return useSyncExternalStore(store.subscribe, store.read);
}
