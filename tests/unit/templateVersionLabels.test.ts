import { describe, expect, it } from 'vitest';
import type { TemplateVersionSummary } from '../../shared/template/model.js';
import { newestPublished, nextVersionProposal, publishedVersions } from '../../client/src/templates/versionLabels.js';

const version = (id: string, state: 'draft' | 'published', publishedAt: number | null): TemplateVersionSummary => ({
  version: id,
  label: id.toUpperCase(),
  state,
  basedOn: null,
  createdAt: 0,
  createdBy: 'hmsi-referat',
  publishedAt,
  publishedBy: publishedAt === null ? null : 'hmsi-referat',
  sha256: null,
  usage: 0,
});

const VERSIONS = [version('aqb-2024', 'published', 1), version('aqb-2026-entwurf', 'draft', null), version('aqb-2025', 'published', 2)];

describe('„Neue Fassung" proposes the next year', () => {
  it('copies the newest published version, never a draft', () => {
    expect(newestPublished(VERSIONS)?.version).toBe('aqb-2025');
  });

  it('names the copy after the following year', () => {
    expect(nextVersionProposal(newestPublished(VERSIONS), new Set(VERSIONS.map((v) => v.version)))).toEqual({ version: 'aqb-2026', label: 'AQB 2026' });
  });

  it('does not propose an id that exists already', () => {
    const taken = new Set(['aqb-2026', 'aqb-2026-entwurf-2']);
    expect(nextVersionProposal(newestPublished(VERSIONS), taken).version).toBe('aqb-2026-entwurf-3');
  });
});

describe('a round may pin', () => {
  it('the published versions only, newest first', () => {
    expect(publishedVersions(VERSIONS)).toEqual(['aqb-2025', 'aqb-2024']);
  });
});
