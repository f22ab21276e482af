import type { BlockDiff } from '../../../shared/template/diff.js';
import type { Ministry, TemplateVersionDetail, TemplateVersionSummary } from '../../../shared/template/model.js';
import { request } from '../api.js';

const version = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

export interface NewVersionRequest {
  /** The version the draft is copied from. */
  from: string;
  /** The new version's stable id ("aqb-2026"). */
  version: string;
  label: string;
}

/** `GET /api/templates/:a/compare/:b`: the two versions and their differences (a → b). */
export interface TemplateComparison {
  blocks: BlockDiff[];
}

export interface VersionPatch {
  label?: string;
  ministry?: Ministry;
}

/** „Vorlagen" (docs/api.md): the template versions; bodies are typed by shared/template/model.ts. */
export const templatesApi = {
  list: () => request<TemplateVersionSummary[]>('GET', '/api/templates'),
  detail: (id: string) => request<TemplateVersionDetail>('GET', version(id)),
  create: (body: NewVersionRequest) => request<TemplateVersionDetail>('POST', '/api/templates', body),
  patch: (id: string, patch: VersionPatch) => request<TemplateVersionDetail>('PATCH', version(id), patch),
  compare: (a: string, b: string) => request<TemplateComparison>('GET', `${version(a)}/compare/${encodeURIComponent(b)}`),
  publish: (id: string) => request<TemplateVersionDetail>('POST', `${version(id)}/publish`, {}),
};

/** The server's plain-text rendering of a version for one partner and year. */
export const previewTextUrl = (id: string, districtId: string, year: number) =>
  `${version(id)}/preview?district=${encodeURIComponent(districtId)}&year=${year}`;

/** The websocket room of a template draft: y-websocket appends it to /collab, the server listens on /collab/template/:version. */
export const templateRoom = (id: string) => `template/${encodeURIComponent(id)}`;
