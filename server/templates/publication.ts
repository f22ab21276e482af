import { createHash } from 'node:crypto';
import { canonicalContent, canonicalMinistry, canonicalTemplateText } from '../../shared/template/canonical.js';
import type { TemplateNodeJSON } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a published version stores: its canonical ministry names and document, and their SHA-256. */
export function canonicalPublication(version: string, ministry: Ministry, content: TemplateNodeJSON): { ministry: Ministry; content: TemplateNodeJSON; sha256: string } {
  const names = canonicalMinistry(ministry);
  return { ministry: names, content: canonicalContent(content), sha256: sha256Hex(canonicalTemplateText({ version, ministry: names, content })) };
}
