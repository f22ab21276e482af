import type { VersionDiff } from './types.js';

/** The comparison shown in the document right now, with the names of its two sides. */
export interface ShownComparison {
  diff: VersionDiff;
  /** New for every comparison fetched, so that the document redraws its notes. */
  key: string;
  fromLabel: string;
  toLabel: string;
}

/** The §5 entry whose authors are shown, and how it got there (the tip closes the way it opened). */
export interface ActiveEntry {
  entryId: string;
  via: 'hover' | 'caret' | 'focus';
}

interface State {
  comparison: ShownComparison | null;
  active: ActiveEntry | null;
}

/**
 * What the history panel shows inside the document (a comparison, the entry under the pointer or
 * the caret), shared by the editor's plugins and the React parts around it. One per open agreement.
 */
export interface HistoryStore {
  readonly agreementId: string;
  get(): State;
  subscribe(listener: () => void): () => void;
  showComparison(comparison: ShownComparison | null): void;
  setActive(active: ActiveEntry | null): void;
}

export function historyStore(agreementId: string): HistoryStore {
  let state: State = { comparison: null, active: null };
  const listeners = new Set<() => void>();
  const update = (next: State) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    agreementId,
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    showComparison: (comparison) => update({ ...state, comparison }),
    setActive(active) {
      const now = state.active;
      if (now?.entryId === active?.entryId && now?.via === active?.via) return;
      update({ ...state, active });
    },
  };
}
