import { useState, type FormEvent } from 'react';
import type { CompareSide, VersionSummary } from './types.js';
import { versionLabel } from './wording.js';

/** The version a comparison starts from unless the person picks another: the last release, else the newest. */
function defaultFrom(versions: readonly VersionSummary[]): number | null {
  return (versions.find((v) => v.kind === 'release') ?? versions[0])?.id ?? null;
}

const parseSide = (value: string): CompareSide => (value === 'now' ? 'now' : Number(value));

/** „Vergleichen": two versions, or a version and „jetzt", chosen from the list. */
export function ComparePicker({ versions, pending, onCompare }: { versions: VersionSummary[]; pending: boolean; onCompare: (from: CompareSide, to: CompareSide) => void }) {
  const [from, setFrom] = useState<string>(() => String(defaultFrom(versions) ?? ''));
  const [to, setTo] = useState<string>('now');
  if (versions.length === 0) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (from !== '') onCompare(parseSide(from), parseSide(to));
  }

  const options = versions.map((version) => (
    <option key={version.id} value={String(version.id)}>
      {versionLabel(version)}
    </option>
  ));
  return (
    <form className="history-compare-form" onSubmit={submit}>
      <label htmlFor="compare-from">Von</label>
      <select id="compare-from" value={from} onChange={(event) => setFrom(event.target.value)}>
        {options}
      </select>
      <label htmlFor="compare-to">Bis</label>
      <select id="compare-to" value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="now">jetzt</option>
        {options}
      </select>
      <button type="submit" className="button button-primary" disabled={pending || from === '' || from === to}>
        {pending ? 'Wird verglichen …' : 'Vergleichen'}
      </button>
    </form>
  );
}
