import { compileTemplate } from '../../../shared/template/compile.js';
import type { Template } from '../../../shared/template/types.js';
import type { TemplateVersionDetail } from '../../../shared/template/model.js';
import { earlyKeys, takeEarly } from '../earlyRequests.js';
import { useResource, type Resource } from '../useResource.js';
import { templatesApi } from './templatesApi.js';

/** Compiled published versions by id: immutable, so one fetch per version and tab is enough. */
const published = new Map<string, Promise<Template>>();

/**
 * The template an agreement pins, fetched from `GET /api/templates/:version` and compiled with
 * the renderer every side uses (shared/template/compile.ts). A draft is never kept: its text
 * still changes. A failed fetch is forgotten, so the next page load tries again.
 */
export function loadTemplate(version: string): Promise<Template> {
  const cached = published.get(version);
  if (cached) return cached;
  const loading = (takeEarly<TemplateVersionDetail>(earlyKeys.template(version)) ?? templatesApi.detail(version)).then((detail) => {
    if (detail.state !== 'published') published.delete(version);
    return compileTemplate(detail);
  });
  published.set(version, loading);
  loading.catch(() => published.delete(version));
  return loading;
}

/** The compiled version an agreement pins, once its detail has named it (null until then). */
export function usePinnedTemplate(version: string | null): Resource<Template> {
  return useResource(() => loadTemplate(version ?? ''), version === null ? null : `template:${version}`);
}
