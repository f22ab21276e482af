import type { CarryOver } from '../../../../shared/rounds/types.js';
import { formatDate } from '../../../../shared/format.js';
import { isIsoDate } from '../../../../shared/rounds/validate.js';
import type { RoundDraft } from './roundForm.js';

/** A published template version as the Vorlagen page names it: „AQB 2025 (aqb-2025)". */
export interface TemplateChoice {
  version: string;
  label: string;
}

/**
 * Year, template version, deadline and where §5 starts from. `onChange` gets only the fields
 * changed: the page merges them into its newest draft, so that what arrives meanwhile (the proposed
 * year, last year's signatories, the template list) is not lost.
 */
export function RoundSettings({ draft, onChange, templates }: { draft: RoundDraft; onChange: (changed: Partial<RoundDraft>) => void; templates: TemplateChoice[] }) {
  const setCarryOver = (carryOver: CarryOver) => onChange({ carryOver });
  const previousYear = Number(draft.year) - 1;
  return (
    <fieldset className="round-section">
      <legend>Runde</legend>
      <div className="round-settings">
        <div className="round-field">
          <label htmlFor="round-year">Jahr</label>
          <input id="round-year" inputMode="numeric" autoComplete="off" value={draft.year} size={6} onChange={(event) => onChange({ year: event.target.value.trim() })} />
        </div>
        <div className="round-field">
          <label htmlFor="round-templateVersion">Vorlage</label>
          <select id="round-templateVersion" value={draft.templateVersion} onChange={(event) => onChange({ templateVersion: event.target.value })}>
            {templates.map(({ version, label }) => (
              <option key={version} value={version}>
                {label === version ? version : `${label} (${version})`}
              </option>
            ))}
          </select>
        </div>
        <div className="round-field">
          <label htmlFor="round-deadline">Frist zur Unterzeichnung</label>
          <input id="round-deadline" type="date" value={draft.deadline} aria-describedby="round-deadline-hint" onChange={(event) => onChange({ deadline: event.target.value })} />
          <p id="round-deadline-hint" className="field-hint">
            {isIsoDate(draft.deadline) ? `Unterzeichnung bis ${formatDate(draft.deadline)}` : 'Tag, bis zu dem beide Seiten unterzeichnet haben sollen'}
          </p>
        </div>
      </div>
      <fieldset className="round-carry" id="round-carryOver">
        <legend>Projektliste (§&nbsp;5)</legend>
        <label>
          <input type="radio" name="carryOver" checked={draft.carryOver === 'previous'} onChange={() => setCarryOver('previous')} />§&nbsp;5 aus dem Vorjahr
          {Number.isInteger(previousYear) && previousYear > 1999 ? ` (${previousYear})` : ''} übernehmen
        </label>
        <label>
          <input type="radio" name="carryOver" checked={draft.carryOver === 'none'} onChange={() => setCarryOver('none')} />
          leer beginnen
        </label>
      </fieldset>
    </fieldset>
  );
}
