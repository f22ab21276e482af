import { describe, expect, it } from 'vitest';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import { parsePastedProjectList } from '../../shared/paper/projectListText.js';
import { checkPaperAgreement } from '../../shared/paper/validate.js';

/** The §5 list of the published 2024 Werra-Meißner agreement, as pasted from its PDF. */
const REFERENCE_LIST = `${MEASURE_TYPES[3]}
- DREIplus - Wiedererlangung der Erwerbsfähigkeit
- "Aktiv in den Job (Junge-Mütter-Projekt)"
- Let's work
- Geflüchtete I
- Geflüchtete II
- Übergangsmanagement

${MEASURE_TYPES[4]}
- Strategieentwicklung
`;

describe('a §5 list pasted from a paper agreement', () => {
  it('reads the reference list: headings by their printed title, one project per line, bullets dropped', () => {
    const result = parsePastedProjectList(REFERENCE_LIST);
    expect(result).toEqual({
      ok: true,
      projects: 7,
      groups: [
        { measureType: 3, titles: ['DREIplus - Wiedererlangung der Erwerbsfähigkeit', '"Aktiv in den Job (Junge-Mütter-Projekt)"', "Let's work", 'Geflüchtete I', 'Geflüchtete II', 'Übergangsmanagement'] },
        { measureType: 4, titles: ['Strategieentwicklung'] },
      ],
    });
  });

  it('takes „Maßnahmenart 1", a numbered heading, the first words of a title, CRLF, tabs and bullets • and 1.', () => {
    const text = 'Maßnahmenart 1\r\n• Startklar\r\n\r\n2. Ausbildung und Ausbildungscoaching\r\n1. Teilzeitausbildung\r\n\tPflegeassistenz  \r\n';
    expect(parsePastedProjectList(text)).toEqual({
      ok: true,
      projects: 3,
      groups: [
        { measureType: 1, titles: ['Startklar'] },
        { measureType: 2, titles: ['Teilzeitausbildung', 'Pflegeassistenz'] },
      ],
    });
  });

  it('keeps the order of the paper and a project whose title begins with a number', () => {
    const result = parsePastedProjectList('Maßnahmenart 4\n- Strategie\nMaßnahmenart 2:\n- 3 Plätze Teilzeitausbildung');
    expect(result).toMatchObject({ ok: true, groups: [{ measureType: 4 }, { measureType: 2, titles: ['3 Plätze Teilzeitausbildung'] }] });
  });

  it('names every line it cannot take, in German, with its number', () => {
    const result = parsePastedProjectList(`Projekt ohne Überschrift\nMaßnahmenart 3\n-\n- ${'x'.repeat(501)}\nMaßnahmenart 3\n- Doppelt`);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, message: 'Zeile 1: „Projekt ohne Überschrift" steht unter keiner Maßnahmenart. Bitte die Überschrift der Maßnahmenart darüber setzen.' },
        { line: 3, message: 'Zeile 3: Hier steht nur ein Aufzählungszeichen ohne Projekt.' },
        { line: 4, message: 'Zeile 4: Der Projekttitel ist länger als 500 Zeichen.' },
        { line: 5, message: 'Zeile 5: Die Maßnahmenart 3 steht schon weiter oben; bitte jede Maßnahmenart nur einmal.' },
        { line: 6, message: '„Doppelt" steht unter keiner Maßnahmenart. Bitte die Überschrift der Maßnahmenart darüber setzen.'.replace(/^/, 'Zeile 6: ') },
      ],
    });
  });

  it('refuses an empty list and a heading without projects', () => {
    expect(parsePastedProjectList('  \n\n')).toMatchObject({ ok: false, problems: [{ line: 0, message: expect.stringMatching(/^Bitte fügen Sie die Projektliste/) }] });
    expect(parsePastedProjectList('Maßnahmenart 1\n- A\nMaßnahmenart 2\n')).toEqual({ ok: false, problems: [{ line: 0, message: 'Unter der Maßnahmenart 2 steht kein Projekt.' }] });
  });

  it('refuses control characters inside a title', () => {
    expect(parsePastedProjectList('Maßnahmenart 1\n- A\u202eB')).toEqual({ ok: false, problems: [{ line: 2, message: 'Zeile 2: Der Projekttitel enthält unzulässige Steuerzeichen.' }] });
  });
});

describe('the request of a paper agreement', () => {
  const signatory = { name: 'Nicole Rathgeber', functionLines: ['Landrätin'], place: 'Eschwege', date: '2024-07-23', mark: '' };
  const body = {
    districtId: 'werra-meissner-kreis',
    year: 2023,
    templateVersion: 'aqb-2024',
    amountCents: 462_800_00,
    projectList: REFERENCE_LIST,
    ministrySignatory: { ...signatory, name: 'Heike Hofmann', place: 'Wiesbaden', date: '' },
    districtSignatory: signatory,
    scan: { filename: 'zv.pdf', base64: 'JVBERi0xLjQ=' },
  };

  it('accepts the paper as it is, with a blank date where the paper has none', () => {
    expect(checkPaperAgreement(body)).toMatchObject({ ok: true, value: { districtId: 'werra-meissner-kreis', year: 2023 } });
  });

  it('names the first invalid field in German', () => {
    expect(checkPaperAgreement({ ...body, districtId: 'atlantis' })).toMatchObject({ ok: false, field: 'districtId', message: 'Kreis/Stadt: Unbekannter Kreis bzw. unbekannte Stadt „atlantis".' });
    expect(checkPaperAgreement({ ...body, amountCents: -1 })).toMatchObject({ ok: false, field: 'amountCents' });
    expect(checkPaperAgreement({ ...body, projectList: 'Ohne Überschrift' })).toMatchObject({ ok: false, field: 'projectList', message: expect.stringMatching(/^Projektliste \(§ 5\): Zeile 1:/) });
    expect(checkPaperAgreement({ ...body, districtSignatory: { ...signatory, date: '23.07.2024' } })).toMatchObject({ ok: false, field: 'districtSignatory.date' });
    expect(checkPaperAgreement({ ...body, scan: { filename: 'x.pdf', base64: '' } })).toMatchObject({ ok: false, field: 'scan', message: 'Scan: Bitte den unterschriebenen Scan (PDF) anhängen.' });
    expect(checkPaperAgreement({ ...body, status: 'draft' })).toMatchObject({ ok: false, field: 'status' });
  });
});
