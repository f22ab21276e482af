import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAgreementText } from '../../shared/agreementText.js';
import { signedParties } from '../../shared/signedBlocks.js';
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
  // The reference is a signed agreement: it is rendered with both signatures present.
  const text = renderAgreementText(getTemplate(seed.templateVersion), seed.fields, seed.projects, ['ministry', 'district']);

  it('renders the 2024 Werra-Meißner agreement exactly as the expected print text', () => {
    expect(text).toBe(fixture('reference-2024-werra-meissner.expected.txt'));
  });

  it('has the words of the published reference agreement, in order', () => {
    expect(text.split(/\s+/).filter(Boolean)).toEqual(wordsOfReference(fixture('reference-2024-werra-meissner.txt')));
  });

  it('shows neither mark nor date in the blocks of an unsigned draft, whatever its fields hold', () => {
    const draft = renderAgreementText(getTemplate(seed.templateVersion), seed.fields, seed.projects, signedParties('draft', []));
    expect(seed.fields.ministrySignatory.signatureMark).toBe('Heike Hofmann');
    expect(seed.fields.districtSignatory.date).toBe('2024-07-23');
    expect(draft).not.toContain('23.07.2024');
    expect(draft).toContain('Wiesbaden, den\n\nHeike Hofmann\nStaatsministerin');
    expect(draft).toContain('Eschwege, den\n\nNicole Rathgeber');
  });

  it('shows a block signed only when that party signed, and both once final (also when recorded from paper)', () => {
    const template = getTemplate(seed.templateVersion);
    const halfway = renderAgreementText(template, seed.fields, seed.projects, signedParties('partially-signed', ['district']));
    expect(halfway).toContain('Eschwege, den 23.07.2024');
    expect(halfway).toContain('Wiesbaden, den\n\nHeike Hofmann\nStaatsministerin');
    expect(renderAgreementText(template, seed.fields, seed.projects, signedParties('final', []))).toBe(text);
  });

  it('fills the template from the fields, not from constants', () => {
    const other = renderAgreementText(getTemplate('aqb-2024'), { ...seed.fields, amountCents: 500_000_50 }, seed.projects);
    expect(other).toContain('500.000,50 Euro');
    expect(other).not.toContain('462.800 Euro');
  });
});
