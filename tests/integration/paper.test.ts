import { describe, expect, it } from 'vitest';
import type { AgreementSummary } from '../../shared/api.js';
import { MEASURE_TYPES } from '../../shared/measureTypes.js';
import type { PaperAgreementRequest, PaperAgreementResponse } from '../../shared/paper/types.js';
import type { ChangesSincePrevious } from '../../shared/rounds/types.js';
import { agreementText, api, REFERENCE_TEXT, suiteServer, WMK, WMK_2024 } from './harness.js';
import { json, postJson, roundBody } from './roundsClient.js';
import { detail, history, pdfBytes, poppler, sha256 } from './signoffTools.js';

/**
 * Agreements signed on paper (issue 10, point 6): recorded by the ministry's editor, final from
 * the start, marked as from paper in the document, the PDF and the history, and carried over.
 */
const PROJECTS = `${MEASURE_TYPES[1]}\n- Startklar Kassel\n- Jugendwerkstatt\n\nMaßnahmenart 3\n• Sprachkurs Pflege\n`;

describe('agreements signed on paper', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', minister: 'hmsi-ministerin', wmk: 'wmk-referat', fulda: 'fd-referat' });
  let scan: Buffer = Buffer.alloc(0);
  const request = (overrides: Partial<PaperAgreementRequest> = {}): PaperAgreementRequest => ({
    districtId: 'kassel',
    year: 2026,
    templateVersion: 'aqb-2024',
    amountCents: 512_300_00,
    projectList: PROJECTS,
    ministrySignatory: { name: 'Heike Hofmann', functionLines: ['Staatsministerin'], place: 'Wiesbaden', date: '2026-03-02', mark: '' },
    districtSignatory: { name: 'Sven Schoeller', functionLines: ['Oberbürgermeister', 'der Stadt Kassel'], place: 'Kassel', date: '2026-02-20', mark: '' },
    scan: { filename: 'ZV 2026 Kassel unterschrieben.pdf', base64: scan.toString('base64') },
    ...overrides,
  });
  const record = (body: unknown, cookie = suite.cookies.ministry) => postJson(suite.server, '/agreements/paper', cookie, body);
  const agreementIds = async () => (await json<AgreementSummary[]>(await api(suite.server, '/agreements', suite.cookies.ministry))).map((a) => a.id);

  it('holds the demo: the published 2024 Werra-Meißner agreement, final, signed on paper, word for word', async () => {
    const demo = await detail(suite.server, WMK_2024, suite.cookies.wmk);
    expect(demo.status).toBe('final');
    expect(demo.signatures).toMatchObject([
      { party: 'ministry', name: 'Heike Hofmann', place: 'Wiesbaden', date: '', paper: true },
      { party: 'district', name: 'Nicole Rathgeber', place: 'Eschwege', date: '2024-07-23', paper: true },
    ]);
    expect(await agreementText(suite.server, WMK_2024, suite.cookies.wmk)).toBe(REFERENCE_TEXT);
    const changes = await json<ChangesSincePrevious>(await api(suite.server, `/agreements/${WMK}/changes-since-previous`, suite.cookies.wmk));
    expect(changes.previous).toEqual({ id: WMK_2024, year: 2024 });
    scan = await pdfBytes(suite.server, WMK_2024, suite.cookies.ministry);
  });

  it('records a paper agreement: final at once, both signatures as on paper, the scan attached, in one step', async () => {
    const created = await json<PaperAgreementResponse>(await record(request()), 201);
    expect(created).toEqual({ id: 'aqb-2026-kassel', projects: 3 });
    const recorded = await detail(suite.server, created.id, suite.cookies.ministry);
    expect(recorded).toMatchObject({ status: 'final', year: 2026, fields: { amountCents: 512_300_00, districtSignatory: { place: 'Kassel', date: '2026-02-20', name: 'Sven Schoeller' } } });
    expect(recorded.signatures).toMatchObject([
      { party: 'ministry', name: 'Heike Hofmann', place: 'Wiesbaden', date: '2026-03-02', username: 'hmsi-referat', paper: true },
      { party: 'district', name: 'Sven Schoeller', place: 'Kassel', date: '2026-02-20', username: 'hmsi-referat', paper: true },
    ]);
    expect(recorded.scans).toMatchObject([{ filename: 'ZV 2026 Kassel unterschrieben.pdf', sha256: sha256(scan), size: scan.byteLength }]);
    expect(recorded.permissions).toMatchObject({ release: false, reopen: false, sign: false });

    const text = await agreementText(suite.server, created.id, suite.cookies.ministry);
    expect(text).toContain(`${MEASURE_TYPES[1]}\n\n- Startklar Kassel\n- Jugendwerkstatt\n\n${MEASURE_TYPES[3]}\n\n- Sprachkurs Pflege`);
    expect(text).toContain('Kassel, den 20.02.2026');
    const released = await (await api(suite.server, `/agreements/${created.id}/released-text`, suite.cookies.ministry)).text();
    expect(sha256(released)).toBe(recorded.release?.hash);

    const events = await history(suite.server, created.id, suite.cookies.ministry);
    expect(events.map((e) => e.kind)).toEqual(['created', 'paper-recorded', 'signed', 'signed', 'final', 'scan-uploaded']);
    expect(events.filter((e) => e.kind === 'signed').map((e) => e.details)).toMatchObject([{ paper: 'ja', date: '2026-03-02' }, { paper: 'ja', date: '2026-02-20' }]);

    const pdf = poppler('pdftotext', await pdfBytes(suite.server, created.id, suite.cookies.ministry)).replace(/\s+/g, ' ');
    expect(pdf).toContain('auf Papier unterzeichnet');
    expect(pdf).toContain('Sven Schoeller, Kassel, 20.02.2026');
    expect(pdf).not.toContain('elektronisch unterzeichnet');
  });

  it('is what next year\'s round carries over from', async () => {
    expect((await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2027, ['kassel']))).status).toBe(201);
    const previous = await json<ChangesSincePrevious>(await api(suite.server, '/agreements/aqb-2027-kassel/changes-since-previous', suite.cookies.ministry));
    // Every entry of the paper list has its carried successor, by lineage: nothing added, nothing removed.
    expect(previous).toMatchObject({ previous: { id: 'aqb-2026-kassel', year: 2026 }, added: [], removed: [], renamed: [], moved: [], amount: { from: 512_300_00 } });
  });

  it('refuses a second agreement for the district and year (409), a list it cannot read (400) and a scan that is no PDF (415), leaving nothing', async () => {
    const duplicate = await record(request());
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({ error: 'Für Stadt Kassel gibt es für 2026 schon eine Zielvereinbarung.' });
    expect((await record(request({ districtId: 'werra-meissner-kreis', year: 2025 }))).status).toBe(409);

    const before = await agreementIds();
    const unreadable = await record(request({ districtId: 'giessen', projectList: 'Projekt ohne Überschrift' }));
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toEqual({ error: 'Projektliste (§ 5): Zeile 1: „Projekt ohne Überschrift" steht unter keiner Maßnahmenart. Bitte die Überschrift der Maßnahmenart darüber setzen.' });
    const notPdf = await record(request({ districtId: 'giessen', scan: { filename: 'x.pdf', base64: Buffer.from('%PDF-1.7 nur ein Text'.repeat(5)).toString('base64') } }));
    expect(notPdf.status).toBe(415);
    expect((await record(request({ districtId: 'giessen', year: 1999 }))).status).toBe(400);
    expect(await agreementIds()).toEqual(before);
  });

  it('lets only the ministry editor record (403 for the minister and districts, 401 without a session)', async () => {
    const body = request({ districtId: 'werra-meissner-kreis', year: 2023 });
    for (const cookie of [suite.cookies.minister, suite.cookies.wmk, suite.cookies.fulda]) {
      const refused = await record(body, cookie);
      expect(refused.status).toBe(403);
    }
    expect((await postJson(suite.server, '/agreements/paper', null, body)).status).toBe(401);
    expect((await agreementIds()).includes('aqb-2023-werra-meissner-kreis')).toBe(false);
    // A district sees a paper agreement of its own, never another's.
    expect((await api(suite.server, '/agreements/aqb-2026-kassel', suite.cookies.wmk)).status).toBe(403);
  });
});
