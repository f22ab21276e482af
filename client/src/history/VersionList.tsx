import { formatDateTime } from '../../../shared/format.js';
import type { VersionSummary } from './types.js';
import { VERSION_KIND_LABELS } from './wording.js';

/** The versions, newest first, each with who kept it and when; „Wiederherstellen" where allowed. */
export function VersionList({ versions, mayRestore, onRestore }: { versions: VersionSummary[] | null; mayRestore: boolean; onRestore: (version: VersionSummary) => void }) {
  if (versions === null) return <p className="signoff-muted">Fassungen werden geladen …</p>;
  if (versions.length === 0) return <p className="signoff-muted">Noch keine Fassung gesichert.</p>;
  return (
    <ol className="history-versions" aria-label="Fassungen">
      {versions.map((version) => (
        <li key={version.id} data-version-kind={version.kind}>
          <span className="history-version-name">{version.name}</span>
          <span className="history-version-meta">
            {/* An automatic version's name says its kind already. */}
            {version.kind === 'named' && <span className="history-version-kind">{VERSION_KIND_LABELS.named} · </span>}
            {version.createdByName}
            {' · '}
            <time dateTime={new Date(version.createdAt).toISOString()}>{formatDateTime(version.createdAt)}</time>
          </span>
          {mayRestore && (
            <button type="button" className="button history-small-button" onClick={() => onRestore(version)} aria-haspopup="dialog" aria-label={`„${version.name}“ wiederherstellen`}>
              Wiederherstellen
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
