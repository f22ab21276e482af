import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AQB_2024_FROZEN } from '../../server/store/migrations/006-aqb-2024.js';
import { AQB_2024_CONTENT, MINISTRY_2024 } from '../../shared/template/aqb2024.js';
import { canonicalContent, canonicalTemplateText } from '../../shared/template/canonical.js';
import { validateTemplateContent } from '../../shared/template/validate.js';

describe('the aqb-2024 text that migration 006 writes', () => {
  it('is the data constant that renders the Werra-Meißner reference, word for word', () => {
    expect(JSON.parse(AQB_2024_FROZEN.content)).toEqual(canonicalContent(AQB_2024_CONTENT));
    expect(JSON.parse(AQB_2024_FROZEN.ministry)).toEqual(MINISTRY_2024);
  });

  it('carries the SHA-256 of its canonical text and passes the publish checks', () => {
    const text = canonicalTemplateText({ version: AQB_2024_FROZEN.version, ministry: JSON.parse(AQB_2024_FROZEN.ministry), content: JSON.parse(AQB_2024_FROZEN.content) });
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(AQB_2024_FROZEN.sha256);
    expect(validateTemplateContent(JSON.parse(AQB_2024_FROZEN.content))).toEqual([]);
  });
});
