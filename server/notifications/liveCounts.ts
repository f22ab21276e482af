/**
 * Who is listening for their unread count right now (the SSE route), per app. A command calls
 * `changed` after its transaction committed; each listener then reads the count again. Nothing is
 * kept for users who are not listening: a new listener starts from the store.
 */
export type CountListener = () => void;

export class LiveCounts {
  private readonly listeners = new Map<string, Set<CountListener>>();

  /** Returns the function that ends the subscription. */
  subscribe(username: string, listener: CountListener): () => void {
    const set = this.listeners.get(username) ?? new Set<CountListener>();
    set.add(listener);
    this.listeners.set(username, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(username) === set) this.listeners.delete(username);
    };
  }

  changed(usernames: Iterable<string>): void {
    for (const username of new Set(usernames)) {
      for (const listener of this.listeners.get(username) ?? []) listener();
    }
  }

  /** Open streams, for tests and the log at shutdown. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
