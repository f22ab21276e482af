import { useState } from 'react';
import type { TemplateVersionDetail } from '../../../shared/template/model.js';
import { ApiError } from '../api.js';
import { useAction } from '../signoff/useAction.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { templatesApi } from './templatesApi.js';

/** The server's list of what stands in the way (`{ error, problems }` with 409). */
function problemsOf(caught: unknown): string[] {
  if (!(caught instanceof ApiError) || typeof caught.body !== 'object' || caught.body === null || !('problems' in caught.body)) return [];
  const { problems } = caught.body;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * „Veröffentlichen": says what it means before it happens (the text is fixed for good, rounds
 * can use it) and lists the server's objections when it refuses.
 */
export function PublishDialog({ detail, open, onClose, onPublished }: { detail: TemplateVersionDetail; open: boolean; onClose: () => void; onPublished: (detail: TemplateVersionDetail) => void }) {
  const { error, pending, run } = useAction(open);
  const [problems, setProblems] = useState<string[]>([]);

  async function publish() {
    setProblems([]);
    await run(async () => {
      try {
        const published = await templatesApi.publish(detail.version);
        onPublished(published);
        onClose();
      } catch (caught: unknown) {
        setProblems(problemsOf(caught));
        throw caught;
      }
    }, 'Die Version konnte nicht veröffentlicht werden.');
  }

  return (
    <ConfirmDialog open={open} title={`${detail.label} veröffentlichen?`} confirmLabel="Veröffentlichen" pendingLabel="Wird veröffentlicht …" pending={pending} error={error} onConfirm={() => void publish()} onClose={onClose}>
      <p>Veröffentlicht ist der Text endgültig: Er lässt sich danach nicht mehr ändern, auch nicht von Ihnen. Neue Runden können ihn dann verwenden, und jede Vereinbarung behält ihn für immer.</p>
      <p className="dialog-hint">Änderungen für ein späteres Jahr entstehen als neue Fassung.</p>
      {problems.length > 0 && (
        <ul className="publish-problems" aria-label="Was vor dem Veröffentlichen fehlt">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}
