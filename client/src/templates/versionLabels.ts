import { berlinIsoDate, formatDate } from '../../../shared/format.js';
import type { TemplateVersionState, TemplateVersionSummary } from '../../../shared/template/model.js';

export const STATE_LABELS: Readonly<Record<TemplateVersionState, string>> = {
  draft: 'Entwurf',
  published: 'veröffentlicht',
};

/** Server time → "23.07.2024" (DIN 5008), the day as it was in Hessen. */
export const formatDay = (epochMs: number) => formatDate(berlinIsoDate(epochMs));

const byPublication = (versions: readonly TemplateVersionSummary[]) => versions.filter((v) => v.state === 'published').sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0));

/** The newest published version: what a new draft is usually copied from. */
export function newestPublished(versions: readonly TemplateVersionSummary[]): TemplateVersionSummary | undefined {
  return byPublication(versions)[0];
}

/** The ids of the versions a round may pin, newest first. */
export function publishedVersions(versions: readonly TemplateVersionSummary[]): string[] {
  return byPublication(versions).map((v) => v.version);
}

/**
 * A proposal for the next version's id and label: "aqb-2025" → "aqb-2026", "AQB 2025" → "AQB 2026".
 * Only a proposal; the ministry may name it as it likes, and the server checks the id.
 */
export function nextVersionProposal(from: TemplateVersionSummary | undefined, taken: ReadonlySet<string>): { version: string; label: string } {
  const year = /(\d{4})/.exec(from?.version ?? '')?.[1];
  const next = year ? String(Number(year) + 1) : String(new Date().getFullYear() + 1);
  let version = `aqb-${next}`;
  for (let n = 2; taken.has(version); n += 1) version = `aqb-${next}-entwurf-${n}`;
  return { version, label: `AQB ${next}` };
}
