import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState } from 'react';
import { districtLabel, findDistrict } from '../../../shared/districts.js';
import { compileTemplate } from '../../../shared/template/compile.js';
import type { Ministry, TemplateNodeJSON } from '../../../shared/template/model.js';
import { DISTRICT_GROUPS, sampleFields } from './previewFields.js';
import { renderSheet } from './renderSheet.js';
import { previewTextUrl } from './templatesApi.js';

/**
 * „Vorschau": the text as it is in the editor right now, compiled and rendered for a partner and a
 * year exactly as that agreement's page would show it; it follows every change, also others'.
 */
export function TemplatePreview({ editor, version, ministry, initialYear }: { editor: Editor; version: string; ministry: Ministry; initialYear: number }) {
  const id = useId();
  const [districtId, setDistrictId] = useState('fulda');
  const [year, setYear] = useState(String(initialYear));
  const [problem, setProblem] = useState<string | null>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const yearNumber = Number(year);
  const validYear = /^\d{4}$/.test(year) && yearNumber >= 2000 && yearNumber <= 2100;

  useEffect(() => {
    const district = findDistrict(districtId);
    if (!district || !validYear) return;
    const render = () => {
      try {
        const template = compileTemplate({ version, ministry, content: editor.getJSON() as TemplateNodeJSON });
        sheet.current?.replaceChildren(...renderSheet(template, sampleFields(district, yearNumber, ministry)));
        setProblem(null);
      } catch (caught: unknown) {
        // A placeholder this client does not know (a newer server): say so instead of a blank sheet.
        console.error(`preview of ${version} failed`, caught);
        setProblem('Die Vorschau kann diesen Text nicht darstellen.');
      }
    };
    render();
    editor.on('update', render);
    return () => {
      editor.off('update', render);
    };
  }, [editor, version, ministry, districtId, validYear, yearNumber]);

  return (
    <section className="template-preview" aria-labelledby={`${id}-title`}>
      <form className="template-preview-controls" onSubmit={(event) => event.preventDefault()}>
        <h2 id={`${id}-title`}>Vorschau</h2>
        <label htmlFor={`${id}-district`}>Partner</label>
        <select id={`${id}-district`} value={districtId} onChange={(event) => setDistrictId(event.target.value)}>
          {DISTRICT_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {districtLabel(district)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor={`${id}-year`}>Jahr</label>
        <input id={`${id}-year`} inputMode="numeric" size={6} value={year} aria-invalid={!validYear} onChange={(event) => setYear(event.target.value.trim())} />
        {validYear && (
          <a className="template-preview-text" href={previewTextUrl(version, districtId, yearNumber)} target="_blank" rel="noreferrer">
            Als Text vom Server (gespeicherter Stand)
          </a>
        )}
      </form>
      {!validYear && <p className="form-error">Bitte ein Jahr zwischen 2000 und 2100 angeben.</p>}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="field-hint">Mit Beispielbetrag; die Bewilligungsbehörde ist die des Partners.</p>
      <article className="sheet template-preview-sheet" aria-label="Vorschau des Vertragstexts">
        <div className="agreement-body" ref={sheet} />
      </article>
    </section>
  );
}
