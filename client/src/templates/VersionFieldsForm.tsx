import { useId, useState, type FormEvent } from 'react';
import type { Ministry, TemplateVersionDetail } from '../../../shared/template/model.js';
import { useAction } from '../signoff/useAction.js';
import { templatesApi } from './templatesApi.js';

/** The ministry's names as the text uses them, in the order a reader meets them. */
const MINISTRY_FIELDS: readonly { key: keyof Ministry; label: string; hint: string }[] = [
  { key: 'name', label: 'Name', hint: 'Hessisches Ministerium für …' },
  { key: 'abbreviation', label: 'Abkürzung', hint: 'HMSI' },
  { key: 'nominative', label: 'Nominativ mit Artikel', hint: 'das Hessische Ministerium für …' },
  { key: 'genitive', label: 'Genitiv mit Artikel', hint: 'des Hessischen Ministeriums für …' },
  { key: 'dative', label: 'Dativ mit Artikel', hint: 'dem Hessischen Ministerium für …' },
  { key: 'seat', label: 'Sitz', hint: 'Ort vor der Unterschrift des Ministeriums' },
];

/**
 * The fields of a version (its label and the ministry's names), saved with PATCH while it is a
 * draft; the placeholders „Ministerium, …" print them. Published versions show them read-only.
 */
export function VersionFieldsForm({ detail, editable, onSaved }: { detail: TemplateVersionDetail; editable: boolean; onSaved: (detail: TemplateVersionDetail) => void }) {
  const id = useId();
  const [label, setLabel] = useState(detail.label);
  const [ministry, setMinistry] = useState<Ministry>(detail.ministry);
  const [saved, setSaved] = useState(false);
  const { error, pending, run } = useAction();
  const changed = label !== detail.label || MINISTRY_FIELDS.some(({ key }) => ministry[key] !== detail.ministry[key]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(async () => {
      onSaved(await templatesApi.patch(detail.version, { label: label.trim(), ministry }));
      setSaved(true);
    }, 'Die Angaben konnten nicht gespeichert werden.');
  }

  return (
    <form className="template-fields" onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Angaben der Version</h2>
      <fieldset disabled={!editable}>
        <label htmlFor={`${id}-label`}>Bezeichnung</label>
        <input id={`${id}-label`} value={label} autoComplete="off" onChange={(event) => setLabel(event.target.value)} />
        <fieldset className="template-ministry">
          <legend>Ministerium</legend>
          {MINISTRY_FIELDS.map(({ key, label: fieldLabel, hint }) => (
            <div key={key} className="template-field">
              <label htmlFor={`${id}-${key}`}>{fieldLabel}</label>
              <input id={`${id}-${key}`} value={ministry[key]} autoComplete="off" placeholder={hint} onChange={(event) => setMinistry({ ...ministry, [key]: event.target.value })} />
            </div>
          ))}
        </fieldset>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {editable && (
        <div className="template-fields-actions">
          <button type="submit" className="button" disabled={pending || !changed}>
            {pending ? 'Wird gespeichert …' : 'Angaben speichern'}
          </button>
          <span role="status" className="field-hint">
            {saved && !changed ? 'Gespeichert' : ''}
          </span>
        </div>
      )}
    </form>
  );
}
