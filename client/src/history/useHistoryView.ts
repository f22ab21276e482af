import { useMemo, useState } from 'react';
import { HistoryMarks } from './historyMarks.js';
import { historyStore } from './historyStore.js';

/**
 * The history's state for one open agreement: whether the Verlauf panel is open, and the store its
 * editor extension (marks and authors in the document) shares with the panel and the tooltip.
 */
export function useHistoryView(agreementId: string) {
  // One store per agreement: another agreement opened in the same page starts without marks.
  const store = useMemo(() => historyStore(agreementId), [agreementId]);
  const extensions = useMemo(() => [HistoryMarks.configure({ store })], [store]);
  const [open, setOpen] = useState(false);
  return { store, extensions, open, setOpen };
}

export type HistoryView = ReturnType<typeof useHistoryView>;
