import type { PaperSignatoryDraft } from './paperForm.js';

/** One signature block as it stands on paper: name, function lines, place, date and what is in the signature space. */
export function PaperSignatoryFields({ id, legend, value, onChange }: { id: string; legend: string; value: PaperSignatoryDraft; onChange: (next: PaperSignatoryDraft) => void }) {
  const set = (key: keyof PaperSignatoryDraft) => (event: { target: { value: string } }) => onChange({ ...value, [key]: event.target.value });
  return (
    <fieldset className="round-section paper-signatory">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={value.name} onChange={set('name')} autoComplete="off" required />
      <label htmlFor={`${id}-functions`}>Funktion (eine Zeile je Zeile auf dem Papier)</label>
      <textarea id={`${id}-functions`} rows={3} value={value.functionLines} onChange={set('functionLines')} required />
      <label htmlFor={`${id}-place`}>Ort</label>
      <input id={`${id}-place`} value={value.place} onChange={set('place')} required />
      <label htmlFor={`${id}-date`}>Datum (leer lassen, wenn das Papier keines trägt)</label>
      <input id={`${id}-date`} type="date" value={value.date} onChange={set('date')} />
      <label htmlFor={`${id}-mark`}>Im Unterschriftsfeld gedruckt (z. B. ein Faksimile-Name; meist leer)</label>
      <input id={`${id}-mark`} value={value.mark} onChange={set('mark')} />
    </fieldset>
  );
}
