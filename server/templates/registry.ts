import { compileTemplate } from '../../shared/template/compile.js';
import type { Template } from '../../shared/template/types.js';
import type { TemplateStore } from '../store/templateTypes.js';

/**
 * The published template versions, compiled for the one renderer (shared/agreementText.ts):
 * agreements, paper agreements, sign-off, PDF and the round checks ask here, never a static map.
 * Only published versions are served, and they never change, so a compiled version is cached for
 * the life of the app; a draft is not a template anybody can render an agreement with.
 */
export class TemplateRegistry {
  private readonly compiled = new Map<string, Template>();

  constructor(private readonly store: TemplateStore) {}

  /** The published version, or undefined for a draft or an unknown id. */
  async find(version: string): Promise<Template | undefined> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const record = await this.store.get(version);
    if (!record || record.state !== 'published' || !record.content) return undefined;
    const template = compileTemplate({ version, ministry: record.ministry, content: record.content });
    this.compiled.set(version, template);
    return template;
  }

  /** The published version an agreement pins; an agreement never pins anything else. */
  async get(version: string): Promise<Template> {
    const template = await this.find(version);
    if (!template) throw new Error(`template version ${version} is not published`);
    return template;
  }

  /** The ids of every published version, for the checks of a round or a paper agreement. */
  async published(): Promise<ReadonlySet<string>> {
    return new Set((await this.store.list()).filter((record) => record.state === 'published').map((record) => record.version));
  }
}
