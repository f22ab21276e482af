import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary } from '../../shared/api.js';
import type { CreateRoundResponse, RoundPrefill, RoundSummary } from '../../shared/rounds/types.js';
import { api, FULDA, suiteServer } from './harness.js';
import { ALL_DISTRICTS, amountOf, json, postJson, roundBody } from './roundsClient.js';

/**
 * Starting a round (issue 10) against the real server and SQLite: one transaction creates every
 * agreement or none, and the store's unique index keeps one agreement per district and year,
 * also when two requests race.
 */
describe('creating a round', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', signatory: 'hmsi-ministerin', district: 'wmk-referat', fulda: 'fd-referat' });

  const agreementsOf = async (year: number) =>
    (await json<AgreementSummary[]>(await api(suite.server, '/agreements', suite.cookies.ministry))).filter((agreement) => agreement.year === year);

  it('leaves nothing behind when the 26th agreement fails (the district already has one for the year)', async () => {
    expect((await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2031, ['werra-meissner-kreis']))).status).toBe(201);
    // All 26 again, Werra-Meißner last: 25 inserts succeed inside the transaction, the 26th fails.
    const districts = [...ALL_DISTRICTS.filter((id) => id !== 'werra-meissner-kreis'), 'werra-meissner-kreis'];
    expect(districts).toHaveLength(26);
    const response = await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2031, districts));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: 'Für Landkreis Werra-Meißner-Kreis gibt es für 2031 schon eine Zielvereinbarung.' });
    expect((await agreementsOf(2031)).map((agreement) => agreement.id)).toEqual(['aqb-2031-werra-meissner-kreis']);
    const rounds = await json<RoundSummary[]>(await api(suite.server, '/rounds', suite.cookies.ministry));
    // Beside the demo's rounds of 2025 and 2024, only the round of the first request.
    expect(rounds.map((round) => [round.year, round.agreements])).toEqual([[2031, 1], [2025, 26], [2024, 2]]);
  });

  it('creates all 26 agreements once when two requests race; the other is told which district exists', async () => {
    const [first, second] = await Promise.all([
      postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2026)),
      postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2026, [...ALL_DISTRICTS].reverse())),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [winner, loser] = first.status === 201 ? [first, second] : [second, first];
    const created = await json<CreateRoundResponse>(winner, 201);
    expect(created.agreements).toHaveLength(26);
    expect(created.agreements.every(({ id, districtId }) => id === `aqb-2026-${districtId}`)).toBe(true);
    expect(((await loser.json()) as { error: string }).error).toMatch(/^Für (Landkreis|Stadt) .+ gibt es für 2026 schon eine Zielvereinbarung\.$/);
    const agreements = await agreementsOf(2026);
    expect(agreements).toHaveLength(26);
    expect(agreements.every((agreement) => agreement.deadline === '2026-06-30' && agreement.status === 'draft')).toBe(true);
  });

  it('fills each agreement with its amount, partner, granting authority and unsigned signatories', async () => {
    const detail = await json<AgreementDetail>(await api(suite.server, '/agreements/aqb-2026-kassel', suite.cookies.ministry));
    expect(detail.fields).toEqual({
      year: 2026,
      amountCents: amountOf('kassel'),
      grantingAuthority: 'Regierungspräsidium Kassel',
      partner: { nominative: 'die Stadt Kassel', genitive: 'der Stadt Kassel', dative: 'der Stadt Kassel', accusative: 'die Stadt Kassel' },
      ministrySignatory: { place: 'Wiesbaden', date: '', signatureMark: '', name: 'Heike Hofmann', functionLines: ['Staatsministerin', 'Hessisches Ministerium', 'für Arbeit, Integration,', 'Jugend und Soziales'] },
      districtSignatory: { place: 'Kassel', date: '', signatureMark: '', name: 'Unterzeichner kassel', functionLines: ['Landrat/Landrätin'] },
    });
    expect(detail).toMatchObject({ templateVersion: 'aqb-2024', status: 'draft', deadline: '2026-06-30' });
    const rounds = await json<RoundSummary[]>(await api(suite.server, '/rounds', suite.cookies.ministry));
    expect(rounds.filter((round) => round.year === 2026)).toMatchObject([{ year: 2026, templateVersion: 'aqb-2024', deadline: '2026-06-30', carryOver: 'previous', agreements: 26, createdBy: 'hmsi-referat', byStatus: { draft: 26 } }]);
  });

  it('adds districts to an existing round, and refuses a second round of the same year', async () => {
    const round = await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2027, ['fulda']));
    expect(round.status).toBe(201);
    const again = await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2027, ['giessen']));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/Die Runde 2027 gibt es schon/);
    const added = await postJson(suite.server, '/rounds/2027/agreements', suite.cookies.ministry, { agreements: roundBody(2027, ['giessen', 'kassel']).agreements });
    expect(await json<CreateRoundResponse>(added, 201)).toEqual({ year: 2027, agreements: [{ id: 'aqb-2027-giessen', districtId: 'giessen' }, { id: 'aqb-2027-kassel', districtId: 'kassel' }] });
    const duplicate = await postJson(suite.server, '/rounds/2027/agreements', suite.cookies.ministry, { agreements: roundBody(2027, ['wiesbaden', 'fulda']).agreements });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({ error: 'Für Landkreis Fulda gibt es für 2027 schon eine Zielvereinbarung.' });
    expect((await agreementsOf(2027)).map((agreement) => agreement.districtId).sort()).toEqual(['fulda', 'giessen', 'kassel']);
    const missing = await postJson(suite.server, '/rounds/2032/agreements', suite.cookies.ministry, { agreements: roundBody(2032, ['giessen']).agreements });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['the year', { year: 1999 }, /^Jahr: /],
    ['the template version', { templateVersion: 'aqb-1999' }, /^Vorlage: Unbekannte Vorlagenversion „aqb-1999"/],
    ['the deadline', { deadline: '2028-02-30' }, /^Frist: /],
    ['the carry-over', { carryOver: 'all' }, /^Projektliste: /],
    ['the ministry signatory', { ministrySignatory: { name: ' ', functionLines: ['x'], place: 'Wiesbaden' } }, /^Unterzeichner\/in des Ministeriums, Name: Bitte ausfüllen\.$/],
    ['an empty list', { agreements: [] }, /^Vereinbarungen: /],
    ['an unknown key', { extra: 1 }, /Unbekanntes Feld „extra"/],
  ])('answers 400 naming %s', async (_what, override, message) => {
    const response = await postJson(suite.server, '/rounds', suite.cookies.ministry, { ...roundBody(2028, ['fulda']), ...override });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('answers 400 naming the district of an invalid agreement item, and creates nothing', async () => {
    const body = roundBody(2028, ['fulda', 'kassel', 'giessen']);
    const cases: [unknown, RegExp][] = [
      [{ ...body.agreements[1], amountCents: -5 }, /^Stadt Kassel, Betrag: Der Betrag muss größer als 0 Euro sein\.$/],
      [{ ...body.agreements[1], amountCents: null }, /^Stadt Kassel, Betrag: /],
      [{ ...body.agreements[1], districtId: 'atlantis' }, /^Vereinbarung 2: Unbekannter Kreis bzw\. unbekannte Stadt „atlantis"\.$/],
      [{ ...body.agreements[1], districtId: 'fulda' }, /^Landkreis Fulda: Ist in der Runde doppelt aufgeführt\.$/],
      [{ ...body.agreements[1], signatory: { name: 'X', functionLines: [], place: 'Kassel' } }, /^Stadt Kassel, Unterzeichner\/in, Funktion: /],
    ];
    for (const [item, message] of cases) {
      const response = await postJson(suite.server, '/rounds', suite.cookies.ministry, { ...body, agreements: [body.agreements[0], item, body.agreements[2]] });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect(await agreementsOf(2028)).toEqual([]);
  });

  it('lets only the ministry editor create (403), nobody without a session (401)', async () => {
    for (const cookie of [suite.cookies.signatory, suite.cookies.district]) {
      expect((await postJson(suite.server, '/rounds', cookie, roundBody(2029, ['fulda']))).status).toBe(403);
      expect((await postJson(suite.server, '/rounds/2026/agreements', cookie, { agreements: [] })).status).toBe(403);
    }
    expect((await postJson(suite.server, '/rounds', null, roundBody(2029, ['fulda']))).status).toBe(401);
    expect(await agreementsOf(2029)).toEqual([]);
  });

  it('prefills the form with the signatories of the previous year', async () => {
    const prefill = await json<RoundPrefill>(await api(suite.server, '/rounds/2027/prefill', suite.cookies.ministry));
    expect(prefill.ministrySignatory?.name).toBe('Heike Hofmann');
    expect(prefill.districts).toHaveLength(26);
    expect(prefill.districts.find((d) => d.districtId === 'kassel')).toEqual({
      districtId: 'kassel',
      signatory: { name: 'Unterzeichner kassel', functionLines: ['Landrat/Landrätin'], place: 'Kassel' },
      previousAmountCents: amountOf('kassel'),
    });
    const fromDemo = await json<RoundPrefill>(await api(suite.server, '/rounds/2025/prefill', suite.cookies.ministry));
    expect(fromDemo.districts.find((d) => d.districtId === 'werra-meissner-kreis')?.signatory).toEqual({
      name: 'Nicole Rathgeber',
      functionLines: ['Landrätin des Landkreises', 'Werra-Meißner-Kreis'],
      place: 'Eschwege',
    });
    expect(fromDemo.districts.find((d) => d.districtId === 'giessen')).toEqual({ districtId: 'giessen', signatory: null, previousAmountCents: null });
  });

  it('shows a district its own agreements of every year, newest first, with the deadline', async () => {
    const own = await json<AgreementSummary[]>(await api(suite.server, '/agreements', suite.cookies.fulda));
    expect(own.map((agreement) => [agreement.id, agreement.deadline])).toEqual([
      ['aqb-2027-fulda', '2027-06-30'],
      ['aqb-2026-fulda', '2026-06-30'],
      ['aqb-2025-fulda', '2025-07-31'],
      [FULDA, '2024-07-31'],
    ]);
  });
});
