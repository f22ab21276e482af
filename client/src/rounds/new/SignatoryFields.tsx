import type { SignatoryDraft } from './roundForm.js';

/** Name, function lines and place of the ministry's signatory, as printed in the signature block. */
export function SignatoryFields({ value, onChange }: { value: SignatoryDraft; onChange: (value: SignatoryDraft) => void }) {
  return (
    <div className="round-signatory">
      <div className="round-field">
        <label htmlFor="ministry-name">Name</label>
        <input id="ministry-name" value={value.name} autoComplete="off" onChange={(event) => onChange({ ...value, name: event.target.value })} />
      </div>
      <div className="round-field">
        <label htmlFor="ministry-functionLines">Funktion</label>
        <textarea
          id="ministry-functionLines"
          rows={4}
          value={value.functionLines}
          aria-describedby="ministry-functionLines-hint"
          onChange={(event) => onChange({ ...value, functionLines: event.target.value })}
        />
        <p id="ministry-functionLines-hint" className="field-hint">
          Eine Zeile je gedruckter Zeile, z. B. „Staatsministerin“, „Hessisches Ministerium“ …
        </p>
      </div>
      <div className="round-field">
        <label htmlFor="ministry-place">Ort</label>
        <input id="ministry-place" value={value.place} autoComplete="off" onChange={(event) => onChange({ ...value, place: event.target.value })} />
      </div>
    </div>
  );
}
