import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useModal } from '../signoff/useModal.js';
import { DialogFooter } from './DialogFooter.js';

interface Props {
  open: boolean;
  title: string;
  /** What happens when the person confirms, and what stands in the way. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending?: boolean;
  /** Something stands in the way: the confirm button is disabled (the dialog says what). */
  blocked?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * An in-app question before a consequential step (never `window.confirm`): a modal <dialog>
 * (the rest of the page is inert, so focus stays inside), Abbrechen focused first so that Enter
 * does not confirm by accident, and focus back where it was when it closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, pending = false, blocked = false, error = null, onConfirm, onClose }: Props) {
  const dialog = useModal(open);
  const titleId = useId();
  const opener = useRef<HTMLElement | null>(null);

  // Before useModal's showModal (a passive effect) moves the focus into the dialog.
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    dialog.current?.querySelector<HTMLElement>('.button-quiet')?.focus();
    return () => {
      // The opener may have been re-rendered away (a deleted comment): then nothing to return to.
      if (opener.current?.isConnected) opener.current.focus();
    };
  }, [open, dialog]);

  // A modal <dialog> makes the page inert, but Tab still leaves it for the browser's own controls:
  // wrap around inside, so the keyboard stays with the question until it is answered.
  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], input, textarea, select')];
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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm();
  }

  return (
    <dialog ref={dialog} className="dialog confirm-dialog" aria-labelledby={titleId} onClose={onClose} onKeyDown={trapTab}>
      {open && (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {children}
          <DialogFooter error={error} pending={pending} submitLabel={confirmLabel} pendingLabel={pendingLabel} onCancel={onClose} blocked={blocked} />
        </form>
      )}
    </dialog>
  );
}
