import { useEffect, useRef } from 'react';

/** Opens and closes a native <dialog> as a modal (focus trapped, Escape closes) with `open`; focuses `[data-autofocus]`. */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first focusable element (a link in a hint, say); the form names its own.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return ref;
}
