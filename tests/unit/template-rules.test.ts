import { describe, expect, it } from 'vitest';
import { Node } from '@tiptap/pm/model';
import { AQB_2024_CONTENT, MINISTRY_2024 } from '../../shared/template/aqb2024.js';
import { AQB_2025_CONTENT } from '../../shared/template/aqb2025.js';
import { ph, piece, section, t, templateDoc } from '../../shared/template/build.js';
import { canonicalTemplateText } from '../../shared/template/canonical.js';
import { diffTemplates } from '../../shared/template/diff.js';
import { templateSchema } from '../../shared/template/editorNodes.js';
import type { TemplateNodeJSON } from '../../shared/template/model.js';
import { validateTemplateContent } from '../../shared/template/validate.js';
import { BLOCK_IDS } from '../../shared/template/types.js';

const clone = (json: TemplateNodeJSON): TemplateNodeJSON => structuredClone(json);
const sections = (doc: TemplateNodeJSON) => doc.content ?? [];

describe('template validation', () => {
  it('accepts the 2024 and 2025 versions', () => {
    expect(validateTemplateContent(AQB_2024_CONTENT)).toEqual([]);
    expect(validateTemplateContent(AQB_2025_CONTENT)).toEqual([]);
  });

  it('accepts exactly what the editor schema accepts for the 2024 version', () => {
    expect(() => Node.fromJSON(templateSchema(), AQB_2024_CONTENT).check()).not.toThrow();
  });

  it('names a missing block', () => {
    const doc = clone(AQB_2024_CONTENT);
    doc.content = sections(doc).filter((s) => s.attrs?.blockId !== 'p3');
    expect(validateTemplateContent(doc)).toEqual(['Der Abschnitt „§ 3“ fehlt.']);
  });

  it('refuses a block twice and blocks out of order', () => {
    const twice = clone(AQB_2024_CONTENT);
    twice.content = [...sections(twice), sections(twice)[2]!];
    expect(validateTemplateContent(twice)).toEqual(['Der Abschnitt „§ 1“ kommt 2-mal vor.']);
    const swapped = clone(AQB_2024_CONTENT);
    swapped.content = [sections(swapped)[1]!, sections(swapped)[0]!, ...sections(swapped).slice(2)];
    expect(validateTemplateContent(swapped)).toEqual(['Die Abschnitte stehen nicht in der festen Reihenfolge.']);
  });

  it('refuses an unknown placeholder, an empty block and an empty paragraph', () => {
    const unknown = clone(AQB_2024_CONTENT);
    sections(unknown)[4]!.content![2]!.content!.push({ type: 'placeholder', attrs: { key: 'landrat', upper: false } });
    expect(validateTemplateContent(unknown)).toEqual(['§ 3, Absatz 3: unbekannter Platzhalter „landrat“.']);
    const empty = clone(AQB_2024_CONTENT);
    sections(empty)[4]!.content = [];
    expect(validateTemplateContent(empty)).toEqual(['Der Abschnitt „§ 3“ ist leer.']);
    const blank = clone(AQB_2024_CONTENT);
    sections(blank)[4]!.content![2] = piece('text', '   ');
    expect(validateTemplateContent(blank)).toEqual(['§ 3, Absatz 3: leerer Absatz.']);
  });

  it('refuses nodes and marks the printed agreement does not use', () => {
    const italic = clone(AQB_2024_CONTENT);
    sections(italic)[4]!.content![2]!.content = [{ type: 'text', text: 'kursiv', marks: [{ type: 'italic' }] }];
    expect(validateTemplateContent(italic)).toEqual(['§ 3, Absatz 3: nur Fettdruck ist als Auszeichnung erlaubt.']);
    const image = clone(AQB_2024_CONTENT);
    sections(image)[4]!.content![2]!.content!.push({ type: 'image', attrs: { src: 'x' } });
    expect(validateTemplateContent(image)).toEqual(['§ 3, Absatz 3: „image“ ist in einer Vorlage nicht erlaubt.']);
    expect(validateTemplateContent({ type: 'doc', content: [] })).toEqual(['Die Vorlage ist kein Vorlagendokument.']);
  });
});

describe('canonical form', () => {
  it('is the same for the same text split into different text nodes', () => {
    const one = templateDoc(...BLOCK_IDS.map((id) => section(id, piece('text', 'Ein Satz.'))));
    const split = templateDoc(...BLOCK_IDS.map((id) => section(id, piece('text', { type: 'text', text: 'Ein ' }, { type: 'text', text: 'Satz.' }))));
    const detail = (content: TemplateNodeJSON) => ({ version: 'v', ministry: MINISTRY_2024, content });
    expect(canonicalTemplateText(detail(split))).toBe(canonicalTemplateText(detail(one)));
  });

  it('changes with a word, a placeholder and the ministry name', () => {
    const base = { version: 'aqb-2024', ministry: MINISTRY_2024, content: AQB_2024_CONTENT };
    const text = canonicalTemplateText(base);
    expect(canonicalTemplateText({ ...base, content: AQB_2025_CONTENT })).not.toBe(text);
    expect(canonicalTemplateText({ ...base, ministry: { ...MINISTRY_2024, abbreviation: 'HMAIJS' } })).not.toBe(text);
  });
});

describe('comparing versions', () => {
  it('shows the changed years of the Bündnis word by word and leaves unchanged blocks alone', () => {
    const diff = diffTemplates(AQB_2024_CONTENT, AQB_2025_CONTENT);
    expect(diff.filter((block) => block.changed).map((block) => block.blockId)).toEqual(['praeambel', 'p1']);
    const praeambel = diff.find((block) => block.blockId === 'praeambel')!;
    expect(praeambel.ops.filter((op) => op.op === 'delete').map((op) => op.text.trim())).toEqual(['2020', '2024“,']);
    expect(praeambel.ops.filter((op) => op.op === 'insert').map((op) => op.text.trim())).toEqual(['2025', '2029“,']);
  });

  it('shows an inserted placeholder as one run with its label', () => {
    const a = templateDoc(...BLOCK_IDS.map((id) => section(id, piece('text', 'Im Jahr wird gefördert.'))));
    const b = templateDoc(...BLOCK_IDS.map((id) => section(id, piece('text', t`Im Jahr ${ph('year')} wird gefördert.`))));
    const p4 = diffTemplates(a, b).find((block) => block.blockId === 'p4')!;
    expect(p4.ops).toEqual([
      { op: 'same', text: 'Im Jahr' },
      { op: 'insert', text: ' ‹Jahr›', placeholder: 'year' },
      { op: 'same', text: ' wird gefördert.' },
    ]);
  });
});
