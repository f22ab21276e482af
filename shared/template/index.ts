import { AQB_2024_CONTENT, MINISTRY_2024 } from './aqb2024.js';
import { AQB_2025_CONTENT, MINISTRY_2025 } from './aqb2025.js';
import { compileTemplate } from './compile.js';
import type { Template } from './types.js';

export * from './types.js';

/**
 * The built-in versions, compiled from their data. The server reads versions from its store
 * (server/templates/registry.ts); this synchronous lookup remains for code that has no store at
 * hand (the client until it loads versions over the API, unit tests).
 */
export const AQB_2024: Template = compileTemplate({ version: 'aqb-2024', ministry: MINISTRY_2024, content: AQB_2024_CONTENT });
export const AQB_2025: Template = compileTemplate({ version: 'aqb-2025', ministry: MINISTRY_2025, content: AQB_2025_CONTENT });

const TEMPLATES: Record<string, Template> = { [AQB_2024.version]: AQB_2024, [AQB_2025.version]: AQB_2025 };

export const CURRENT_TEMPLATE_VERSION = AQB_2024.version;

/** The built-in versions' ids: what a client without the API's list of versions may offer. */
export const BUILT_IN_TEMPLATE_VERSIONS: ReadonlySet<string> = new Set(Object.keys(TEMPLATES));

export function findTemplate(version: string): Template | undefined {
  return TEMPLATES[version];
}

export function getTemplate(version: string): Template {
  const template = TEMPLATES[version];
  if (!template) throw new Error(`unknown template version: ${version}`);
  return template;
}
