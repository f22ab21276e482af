/** The end of a dialog: the error (announced at once), Abbrechen and the submit button. */
export function DialogFooter({ error, pending, submitLabel, pendingLabel, onCancel, blocked = false }: { error: string | null; pending: boolean; submitLabel: string; pendingLabel: string; onCancel: () => void; blocked?: boolean }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Abbrechen
        </button>
        <button type="submit" className="button button-primary" disabled={pending || blocked}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
