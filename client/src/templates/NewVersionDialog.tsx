import { useId, useState } from 'react';
import type { TemplateVersionSummary } from '../../../shared/template/model.js';
import { navigate } from '../router.js';
import { useAction } from '../signoff/useAction.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { templatesApi } from './templatesApi.js';
import { newestPublished, nextVersionProposal, STATE_LABELS } from './versionLabels.js';

/** „Neue Fassung": copies a version into a new draft and opens it in the template editor. Mount it to open it. */
export function NewVersionDialog({ open, versions, onClose }: { open: boolean; versions: TemplateVersionSummary[]; onClose: () => void }) {
  const id = useId();
  const { error, setError, pending, run } = useAction(open);
  // Mounted on opening: it proposes a copy of the newest published version under the next year.
  const [base] = useState(() => newestPublished(versions) ?? versions[0]);
  const [proposal] = useState(() => nextVersionProposal(base, new Set(versions.map((v) => v.version))));
  const [from, setFrom] = useState(base?.version ?? '');
  const [version, setVersion] = useState(proposal.version);
  const [label, setLabel] = useState(proposal.label);

  async function create() {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(version)) return setError('Die Kennung besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. aqb-2026.');
    if (label.trim() === '') return setError('Bitte eine Bezeichnung angeben, z. B. „AQB 2026“.');
    await run(async () => {
      const created = await templatesApi.create({ from, version, label: label.trim() });
      onClose();
      navigate(`/vorlagen/${encodeURIComponent(created.version)}`);
    }, 'Die neue Fassung konnte nicht angelegt werden.');
  }

  return (
    <ConfirmDialog open={open} title="Neue Fassung" confirmLabel="Fassung anlegen" pendingLabel="Wird angelegt …" pending={pending} error={error} onConfirm={() => void create()} onClose={onClose}>
      <p className="dialog-hint">Die neue Fassung beginnt als Entwurf mit dem Text der gewählten Version. Sie wird erst nach dem Veröffentlichen für Runden verwendbar.</p>
      <label htmlFor={`${id}-from`}>Kopie von</label>
      <select id={`${id}-from`} className="templates-select" value={from} onChange={(event) => setFrom(event.target.value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.label} ({v.version}, {STATE_LABELS[v.state]})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-version`}>Kennung</label>
      <input id={`${id}-version`} value={version} autoComplete="off" spellCheck={false} aria-describedby={`${id}-version-hint`} onChange={(event) => setVersion(event.target.value.trim())} />
      <p id={`${id}-version-hint`} className="field-hint">
        Bleibt dauerhaft, Vereinbarungen verweisen darauf.
      </p>
      <label htmlFor={`${id}-label`}>Bezeichnung</label>
      <input id={`${id}-label`} value={label} autoComplete="off" onChange={(event) => setLabel(event.target.value)} />
    </ConfirmDialog>
  );
}
