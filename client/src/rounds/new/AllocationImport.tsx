import { useMemo, useState, type ChangeEvent } from 'react';
import { findDistrict } from '../../../../shared/districts.js';
import { parseAllocationCsv, partnerLabel, type AllocationRow } from '../../../../shared/rounds/allocationCsv.js';
import { formatAmount } from '../money.js';

/** Excel writes CSV in UTF-8 (with BOM) or, older versions, in Windows-1252: try the first strictly. */
async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The ministry's allocation table, pasted or imported: a preview of what was read, one message per
 * line that was not, and the sum. The amounts reach the form only with „Beträge übernehmen".
 */
export function AllocationImport({ onApply }: { onApply: (rows: AllocationRow[]) => void }) {
  const [text, setText] = useState('');
  const [applied, setApplied] = useState<number | null>(null);
  const table = useMemo(() => parseAllocationCsv(text), [text]);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await readCsvFile(file));
    setApplied(null);
  }

  return (
    <div className="round-import">
      <label htmlFor="round-csv">Verteilung als CSV einfügen (Kreis;Betrag)</label>
      <textarea
        id="round-csv"
        rows={5}
        value={text}
        spellCheck={false}
        aria-describedby="round-csv-hint"
        placeholder={'Kreis;Betrag\nWerra-Meißner-Kreis;462.800,00\nLandkreis Fulda;512.300,00'}
        onChange={(event) => {
          setText(event.target.value);
          setApplied(null);
        }}
      />
      <p id="round-csv-hint" className="field-hint">
        Aus Excel kopiert oder als CSV-Datei (Semikolon, UTF-8 oder Windows-1252). Eine Kopfzeile wird erkannt.
      </p>
      <div className="round-import-file">
        <label htmlFor="round-csv-file">oder Datei wählen:</label> <input id="round-csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void importFile(event)} />
      </div>
      {text.trim() !== '' && (
        <section className="round-preview" aria-labelledby="round-preview-title">
          <h3 id="round-preview-title">Vorschau</h3>
          <p>
            {table.rows.length} {table.rows.length === 1 ? 'Zeile' : 'Zeilen'} gelesen, Summe <strong className="round-preview-sum">{formatAmount(table.sumCents)}</strong>
            {table.messages.length > 0 ? `, ${table.messages.length} nicht übernommen` : ''}.
          </p>
          {table.messages.length > 0 && (
            <ul className="round-preview-messages" aria-label="Nicht gelesene Zeilen">
              {table.messages.map((entry) => (
                <li key={`${entry.line}-${entry.message}`}>
                  <span aria-hidden="true">⚠ </span>
                  {entry.message}
                </li>
              ))}
            </ul>
          )}
          {table.rows.length > 0 && (
            <details className="round-preview-rows">
              <summary>Gelesene Zeilen anzeigen</summary>
              <table>
                <tbody>
                  {table.rows.map((row) => {
                    const district = findDistrict(row.districtId);
                    return (
                      <tr key={row.districtId}>
                        <td>Zeile {row.line}</td>
                        <td>{district ? partnerLabel(district) : row.districtId}</td>
                        <td className="is-numeric">{formatAmount(row.amountCents)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </details>
          )}
          <button
            type="button"
            className="button"
            disabled={table.rows.length === 0}
            onClick={() => {
              onApply(table.rows);
              setApplied(table.rows.length);
            }}
          >
            Beträge in die Tabelle übernehmen
          </button>
          {applied !== null && (
            <p className="round-import-done" role="status">
              {applied} Beträge übernommen. Bitte prüfen Sie die Tabelle unten.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
