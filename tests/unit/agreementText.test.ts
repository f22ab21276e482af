import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAgreementText } from '../../shared/agreementText.js';
import { getTemplate } from '../../shared/template/index.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/**
 * The published agreement is Markdown-ish: headings (#), bold (**), italics (*), hard line breaks
 * (two trailing spaces), a paragraph broken by a page break and one project broken over two
 * bullets. Stripped of that markup, its words must be ours, in order.
 */
function wordsOfReference(markdown: string): string[] {
  const plain = markdown
    .replace(/^#+\s*/gm, '')
    .replace(/\*+/g, '')
    .replace(/^- /gm, '- ')
    .replace('- "Aktiv in den Job\n- (Junge-Mütter-Projekt)"', '- "Aktiv in den Job (Junge-Mütter-Projekt)"');
  return plain.split(/\s+/).filter(Boolean);
}

describe('agreement text', () => {
  const seed = WERRA_MEISSNER_2024;
  const text = renderAgreementText(getTemplate(seed.templateVersion), seed.fields, seed.projects);

  it('renders the 2024 Werra-Meißner agreement exactly as the expected print text', () => {
    expect(text).toBe(fixture('reference-2024-werra-meissner.expected.txt'));
  });

  it('has the words of the published reference agreement, in order', () => {
    expect(text.split(/\s+/).filter(Boolean)).toEqual(wordsOfReference(fixture('reference-2024-werra-meissner.txt')));
  });

  it('fills the template from the fields, not from constants', () => {
    const other = renderAgreementText(getTemplate('aqb-2024'), { ...seed.fields, amountCents: 500_000_50 }, seed.projects);
    expect(other).toContain('500.000,50 Euro');
    expect(other).not.toContain('462.800 Euro');
  });
});
