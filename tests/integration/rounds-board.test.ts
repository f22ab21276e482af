import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { AgreementDetail, AgreementSummary } from '../../shared/api.js';
import type { Board, BoardRow } from '../../shared/rounds/types.js';
import { groupOfType } from './body.js';
import { api, login, newClient, suiteServer, synced } from './harness.js';
import { amountOf, json, openEvents, postJson, roundBody, type EventStream } from './roundsClient.js';

/**
 * The ministry's status board of a round: its figures against the agreements, the CSV export,
 * the live events, and that a district never sees another district's row on any of the routes.
 */
const YEAR = 2026;
const DISTRICTS = ['werra-meissner-kreis', 'fulda', 'giessen', 'kassel'];
const WMK_2026 = 'aqb-2026-werra-meissner-kreis';
const FULDA_2026 = 'aqb-2026-fulda';

describe('the status board of a round', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', minister: 'hmsi-ministerin', wmk: 'wmk-referat', fulda: 'fd-referat' });
  const board = async () => json<Board>(await api(suite.server, `/rounds/${YEAR}/board`, suite.cookies.ministry));
  const rowOf = (b: Board, id: string) => b.rows.find((row) => row.agreementId === id);
  let streams: { ministry: EventStream; wmk: EventStream; fulda: EventStream };

  beforeAll(async () => {
    expect((await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(YEAR, DISTRICTS))).status).toBe(201);
    streams = {
      ministry: await openEvents(suite.server, YEAR, suite.cookies.ministry),
      wmk: await openEvents(suite.server, YEAR, suite.cookies.wmk),
      fulda: await openEvents(suite.server, YEAR, suite.cookies.fulda),
    };
    await Promise.all(Object.values(streams).map((stream) => stream.ready));
    return () => Object.values(streams).forEach((stream) => stream.close());
  });

  it('shows one row per agreement with figures from the records', async () => {
    const result = await board();
    expect(result.year).toBe(YEAR);
    expect(result.deadline).toBe('2026-06-30');
    expect(result.totals).toEqual({ amountCents: DISTRICTS.reduce((sum, id) => sum + amountOf(id), 0), agreements: 4, byStatus: { draft: 4, released: 0, 'partially-signed': 0, final: 0 } });
    expect(result.rows.map((row) => [row.districtName, row.regierungsbezirk, row.projects, row.amountCents])).toEqual([
      ['Landkreis Fulda', 'Kassel', 2, amountOf('fulda')],
      ['Landkreis Gießen', 'Gießen', 0, amountOf('giessen')],
      ['Landkreis Werra-Meißner-Kreis', 'Kassel', 7, amountOf('werra-meissner-kreis')],
      ['Stadt Kassel', 'Kassel', 0, amountOf('kassel')],
    ]);
    // The deadline day is over and nothing is final: every row is overdue, none was touched since creation.
    expect(result.rows.every((row) => row.overdue && row.status === 'draft' && row.openThreads === 0 && row.lastActivityAt === null && !row.signed.ministry && !row.signed.district)).toBe(true);
  });

  it('follows edits, comments, the amount, release and signing live; each district receives only its own rows', async () => {
    const editor = newClient(suite.server, WMK_2026, suite.cookies.wmk);
    await synced(editor);
    const first = groupOfType(editor.doc, 3).get(0) as Y.XmlElement;
    for (let i = 0; i < 20; i++) (first.get(0) as Y.XmlText).insert(0, 'x');
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()), { timeout: 5000 });
    const entryId = first.getAttribute('id');
    editor.destroy();
    const wmkRows = (stream: EventStream) => stream.rows.filter((row) => row.agreementId === WMK_2026);
    await vi.waitFor(() => expect(wmkRows(streams.ministry).at(-1)?.lastActivityBy).toBe('Fachdienst Arbeit (Werra-Meißner-Kreis)'), { timeout: 5000 });
    // Twenty keystrokes, but rows at most once a second per agreement.
    expect(wmkRows(streams.ministry).length).toBeLessThan(20);

    expect((await postJson(suite.server, `/agreements/${WMK_2026}/comments`, suite.cookies.fulda, { entryId, text: 'Fremd' })).status).toBe(403);
    expect((await postJson(suite.server, `/agreements/${WMK_2026}/comments`, suite.cookies.ministry, { entryId, text: 'Bitte genauer beschreiben.' })).status).toBe(201);
    await vi.waitFor(() => expect(wmkRows(streams.wmk).at(-1)?.openThreads).toBe(1), { timeout: 5000 });
    expect(wmkRows(streams.ministry).at(-1)?.lastActivityBy).toBe('Referat AQB (HMSI)');

    const patched = await api(suite.server, `/agreements/${FULDA_2026}/fields`, suite.cookies.ministry, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amountCents: 123_456_78 }) });
    expect(patched.status).toBe(200);
    await vi.waitFor(() => expect(streams.fulda.rows.at(-1)?.amountCents).toBe(123_456_78), { timeout: 5000 });

    expect((await postJson(suite.server, `/agreements/${FULDA_2026}/release`, suite.cookies.ministry, {})).status).toBe(200);
    const { release } = await json<AgreementDetail>(await api(suite.server, `/agreements/${FULDA_2026}`, suite.cookies.ministry));
    const signed = await postJson(suite.server, `/agreements/${FULDA_2026}/sign`, suite.cookies.minister, { hash: release?.hash, place: 'Wiesbaden', password: 'demo' });
    expect(signed.status).toBe(200);
    await vi.waitFor(
      () => expect(streams.fulda.rows.at(-1)).toMatchObject<Partial<BoardRow>>({ status: 'partially-signed', signed: { ministry: true, district: false }, lastActivityBy: 'Heike Hofmann' }),
      { timeout: 5000 },
    );
    await vi.waitFor(() => expect(streams.ministry.rows.at(-1)?.status).toBe('partially-signed'), { timeout: 5000 });

    expect(streams.wmk.rows.length).toBeGreaterThan(0);
    expect(streams.wmk.rows.every((row) => row.districtId === 'werra-meissner-kreis')).toBe(true);
    expect(streams.fulda.rows.length).toBeGreaterThan(0);
    expect(streams.fulda.rows.every((row) => row.districtId === 'fulda')).toBe(true);
    expect(new Set(streams.ministry.rows.map((row) => row.districtId))).toEqual(new Set(['werra-meissner-kreis', 'fulda']));

    const after = await board();
    expect(rowOf(after, FULDA_2026)).toMatchObject({ status: 'partially-signed', signed: { ministry: true, district: false }, amountCents: 123_456_78, overdue: true });
    expect(rowOf(after, WMK_2026)).toMatchObject({ openThreads: 1, projects: 7, lastActivityBy: 'Referat AQB (HMSI)' });
    expect(after.totals.byStatus).toEqual({ draft: 3, released: 0, 'partially-signed': 1, final: 0 });
    // The row on the board is the last row the stream sent.
    expect(streams.ministry.rows.filter((row) => row.agreementId === FULDA_2026).at(-1)).toEqual(rowOf(after, FULDA_2026));
  });

  it('exports the board as CSV for Excel: BOM, semicolons, German numbers and dates', async () => {
    const response = await api(suite.server, `/rounds/${YEAR}/board.csv`, suite.cookies.ministry);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="aqb-2026-uebersicht.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Kreis/Stadt;Regierungsbezirk;Status;Betrag (Euro);Projekte;Offene Kommentare;Letzte Aktivität;Letzte Aktivität von;Unterzeichnet Ministerium;Unterzeichnet Kreis/Stadt;Überfällig');
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toMatch(/^Landkreis Fulda;Kassel;Teilweise unterzeichnet;123\.456,78;2;0;\d{2}\.\d{2}\.\d{4};Heike Hofmann;ja;nein;ja$/);
    expect(lines[2]).toBe('Landkreis Gießen;Gießen;Entwurf;117.283,84;0;0;;;nein;nein;ja');
    expect(lines[4]).toBe('Stadt Kassel;Kassel;Entwurf;130.864,00;0;0;;;nein;nein;ja');
  });

  it('answers 403 to district users on every ministry route of the rounds, 401 without a session', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/districts'],
      ['GET', '/rounds'],
      ['POST', '/rounds', roundBody(2040, ['fulda'])],
      ['POST', `/rounds/${YEAR}/agreements`, { agreements: roundBody(YEAR, ['wiesbaden']).agreements }],
      ['GET', `/rounds/${YEAR}/prefill`],
      ['GET', `/rounds/${YEAR}/board`],
      ['GET', `/rounds/${YEAR}/board.csv`],
    ];
    for (const [method, path, body] of routes) {
      for (const cookie of [suite.cookies.wmk, suite.cookies.fulda, null]) {
        const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
        const response = await api(suite.server, path, cookie, init);
        expect([method, path, response.status]).toEqual([method, path, cookie === null ? 401 : 403]);
      }
    }
    expect((await openEvents(suite.server, YEAR, '')).status).toBe(401);
    const list = await json<AgreementSummary[]>(await api(suite.server, '/agreements', suite.cookies.fulda));
    expect(list.every((agreement) => agreement.districtId === 'fulda')).toBe(true);
  });

  it('ends a stream when its session logs out', async () => {
    const cookie = await login(suite.server, 'fd-referat');
    const stream = await openEvents(suite.server, YEAR, cookie);
    await stream.ready;
    expect((await postJson(suite.server, '/logout', cookie, {})).status).toBe(200);
    await vi.waitFor(() => expect(stream.ended()).toBe(true), { timeout: 5000 });
  });

  it('answers 404 for the board of a year without a round, and 400 for a malformed year', async () => {
    expect((await api(suite.server, '/rounds/2099/board', suite.cookies.ministry)).status).toBe(404);
    expect((await api(suite.server, '/rounds/20x5/board', suite.cookies.ministry)).status).toBe(400);
    expect((await openEvents(suite.server, 2099, suite.cookies.fulda)).status).toBe(404);
  });
});
