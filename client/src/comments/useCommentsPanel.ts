import { useCallback, useEffect, useState } from 'react';

/**
 * From this width the comment panel stands beside the sheet; below it (a tablet) it is a drawer
 * over the right of the sheet. Keep in step with comments.css.
 */
export const PANEL_BESIDE = '(min-width: 1024px)';

const storageKey = (username: string) => `vereinbar:comments-panel:${username}`;

function stored(username: string): boolean | null {
  try {
    const value = localStorage.getItem(storageKey(username));
    return value === 'open' ? true : value === 'closed' ? false : null;
  } catch (error: unknown) {
    // Storage may be switched off; then the panel simply starts in its default state.
    console.warn('comments-panel-storage-unavailable', error);
    return null;
  }
}

function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setMatches(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export interface CommentsPanel {
  open: boolean;
  /** Beside the sheet (wide screens) or a drawer over it (tablets). */
  beside: boolean;
  setOpen: (open: boolean) => void;
  /** Opens the panel without remembering it: a thread or a new comment wants to be seen. */
  reveal: () => void;
}

/**
 * Whether the comment panel is open, remembered per user in this browser. Without a remembered
 * choice it is open beside the sheet and closed as a drawer, where it would cover the text.
 */
export function useCommentsPanel(username: string): CommentsPanel {
  const beside = useMedia(PANEL_BESIDE);
  const [choice, setChoice] = useState<boolean | null>(() => stored(username));
  const [revealed, setRevealed] = useState(false);
  const open = choice ?? (beside || revealed);

  const setOpen = useCallback(
    (next: boolean) => {
      setChoice(next);
      setRevealed(false);
      try {
        localStorage.setItem(storageKey(username), next ? 'open' : 'closed');
      } catch (error: unknown) {
        console.warn('comments-panel-storage-unavailable', error);
      }
    },
    [username],
  );
  const reveal = useCallback(() => {
    setChoice((current) => (current === false ? true : current));
    setRevealed(true);
  }, []);

  return { open, beside, setOpen, reveal };
}
