import type * as Y from 'yjs';
import type { ProjectListModel } from '../../shared/editor/body.js';
import { docFromState, projectListOf } from './docItems.js';

/** A stored state as a document, with its §5 list read once. Never written to. */
export interface StateDoc {
  doc: Y.Doc;
  projects: ProjectListModel;
}

/**
 * Documents built from stored states, by a key that names the state for good (a version id; a
 * document's id and the last update its committed state contains): a state never changes, so the
 * document built from it need not be built again. The least recently used is destroyed past the
 * capacity. One per app.
 */
export class StateDocs {
  private readonly docs = new Map<string, StateDoc>();

  constructor(private readonly capacity = 8) {}

  of(key: string, state: () => Uint8Array): StateDoc {
    let found = this.docs.get(key);
    if (found) this.docs.delete(key);
    else {
      const doc = docFromState(state());
      found = { doc, projects: projectListOf(doc) };
    }
    this.docs.set(key, found);
    if (this.docs.size > this.capacity) {
      const [oldestKey, oldest] = this.docs.entries().next().value ?? [];
      if (oldestKey !== undefined && oldest) {
        this.docs.delete(oldestKey);
        oldest.doc.destroy();
      }
    }
    return found;
  }
}
