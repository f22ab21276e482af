import { useEffect, useRef } from 'react';

/** What Tab may land on inside a dialog. */
const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal <dialog> makes the page inert, but Tab still leaves it for the browser's own controls:
 * wrap around inside, so the keyboard stays with the dialog until it is answered.
 */
function trapTab(event: KeyboardEvent): void {
  const dialog = event.currentTarget;
  if (event.key !== 'Tab' || !(dialog instanceof HTMLDialogElement)) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Opens and closes a native <dialog> as a modal with `open`: the page behind is inert, Tab wraps
 * inside, Escape closes, `[data-autofocus]` takes the focus, and on closing the focus goes back to
 * where it was (unless that element is gone, say a deleted comment).
 */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.addEventListener('keydown', trapTab);
    return () => element.removeEventListener('keydown', trapTab);
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element || !open) return;
    if (!element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      // showModal focuses the first focusable element (a link in a hint, say); the form names its own.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    // On closing, and also when the dialog is unmounted while open (a page that renders it only
    // while wanted): close it and give the focus back.
    return () => {
      if (element.open) element.close();
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) back.focus();
    };
  }, [open]);
  return ref;
}
