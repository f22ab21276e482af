import { useEffect, useId, type FormEvent, type ReactNode } from 'react';
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
  // Abbrechen first, so that Enter does not confirm by accident (useModal keeps and returns the focus).
  useEffect(() => {
    if (open) dialog.current?.querySelector<HTMLElement>('.button-quiet')?.focus();
  }, [open, dialog]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm();
  }

  return (
    <dialog ref={dialog} className="dialog confirm-dialog" aria-labelledby={titleId} onClose={onClose}>
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
