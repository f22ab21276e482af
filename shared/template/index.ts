import { AQB_2024 } from './aqb2024.js';
import type { Template } from './types.js';

export * from './types.js';

/** Every template version ever used. A version is never edited once an agreement pins it. */
const TEMPLATES: Record<string, Template> = { [AQB_2024.version]: AQB_2024 };

export const CURRENT_TEMPLATE_VERSION = AQB_2024.version;

export function findTemplate(version: string): Template | undefined {
  return TEMPLATES[version];
}

export function getTemplate(version: string): Template {
  const template = TEMPLATES[version];
  if (!template) throw new Error(`unknown template version: ${version}`);
  return template;
}
