import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/**
 * The ARIA menu pattern's keyboard and pointer rules, for the editors' menu buttons: the first
 * item takes the focus when the menu opens, a press outside closes it.
 */
export function useMenuFocus(open: boolean, wrapper: RefObject<HTMLElement | null>, items: RefObject<(HTMLElement | null)[]>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) close();
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open, wrapper, items, close]);
}

/** Arrows move (wrapping), Home/End jump, Escape dismisses, Tab leaves and closes. */
export function menuKeyDown(event: KeyboardEvent, items: (HTMLElement | null)[], count: number, on: { dismiss: () => void; close: () => void }): void {
  const index = items.findIndex((item) => item === document.activeElement);
  const move = (to: number) => items[(to + count) % count]?.focus();
  if (event.key === 'Escape') on.dismiss();
  else if (event.key === 'ArrowDown') move(index + 1);
  else if (event.key === 'ArrowUp') move(index - 1);
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(count - 1);
  else if (event.key === 'Tab') on.close();
  else return;
  if (event.key !== 'Tab') event.preventDefault();
}
