import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../shared/rounds/types.js';
import { DEFAULT_QUERY, mergeRow, totalsOf, visibleRows } from '../../client/src/rounds/board/boardView.js';
import { formatAmount } from '../../client/src/rounds/money.js';
import { applyPrefill, initialDraft, prepareRound, proposedRoundYear } from '../../client/src/rounds/new/roundForm.js';

const row = (districtId: string, districtName: string, patch: Partial<BoardRow> = {}): BoardRow => ({
  agreementId: `aqb-2025-${districtId}`,
  districtId,
  districtName,
  regierungsbezirk: 'Kassel',
  status: 'draft',
  amountCents: 100_00,
  projects: 0,
  openThreads: 0,
  lastActivityAt: null,
  lastActivityBy: null,
  signed: { ministry: false, district: false },
  overdue: false,
  ...patch,
});

const rows = [
  row('fulda', 'Landkreis Fulda', { amountCents: 300_00, status: 'final' }),
  row('wiesbaden', 'Stadt Wiesbaden', { regierungsbezirk: 'Darmstadt', overdue: true }),
  row('giessen', 'Landkreis Gießen', { regierungsbezirk: 'Gießen', amountCents: 200_00, status: 'released' }),
];

describe('the status board', () => {
  it('sorts by district name in German order by default, and by amount downwards on request', () => {
    expect(visibleRows(rows, DEFAULT_QUERY).map((r) => r.districtId)).toEqual(['fulda', 'giessen', 'wiesbaden']);
    expect(visibleRows(rows, { ...DEFAULT_QUERY, sort: 'amount', descending: true }).map((r) => r.districtId)).toEqual(['fulda', 'giessen', 'wiesbaden']);
    expect(visibleRows(rows, { ...DEFAULT_QUERY, sort: 'status' }).map((r) => r.districtId)).toEqual(['wiesbaden', 'giessen', 'fulda']);
  });

  it('sorts by the partner’s own name, not by „Kreis“, „Landkreis“ or „Stadt“ before it', () => {
    const named = [
      row('offenbach-stadt', 'Stadt Offenbach am Main'),
      row('kassel-kreis', 'Landkreis Kassel'),
      row('bergstrasse', 'Kreis Bergstraße'),
      row('hochtaunuskreis', 'Landkreis Hochtaunuskreis'),
      row('kassel', 'Stadt Kassel'),
      row('offenbach', 'Kreis Offenbach'),
      row('darmstadt', 'Stadt Darmstadt'),
      row('darmstadt-dieburg', 'Landkreis Darmstadt-Dieburg'),
    ];
    expect(visibleRows(named, DEFAULT_QUERY).map((r) => r.districtName)).toEqual([
      'Kreis Bergstraße',
      'Stadt Darmstadt',
      'Landkreis Darmstadt-Dieburg',
      'Landkreis Hochtaunuskreis',
      'Landkreis Kassel',
      'Stadt Kassel',
      'Kreis Offenbach',
      'Stadt Offenbach am Main',
    ]);
  });

  it('filters by status, Regierungsbezirk, „überfällig“ and a search without regard to case', () => {
    expect(visibleRows(rows, { ...DEFAULT_QUERY, status: 'final' }).map((r) => r.districtId)).toEqual(['fulda']);
    expect(visibleRows(rows, { ...DEFAULT_QUERY, bezirk: 'Gießen' }).map((r) => r.districtId)).toEqual(['giessen']);
    expect(visibleRows(rows, { ...DEFAULT_QUERY, overdueOnly: true }).map((r) => r.districtId)).toEqual(['wiesbaden']);
    expect(visibleRows(rows, { ...DEFAULT_QUERY, search: '  WIES ' }).map((r) => r.districtId)).toEqual(['wiesbaden']);
  });

  it('totals every row, and a live row replaces its predecessor or joins the round', () => {
    expect(totalsOf(rows)).toEqual({ amountCents: 600_00, agreements: 3, byStatus: { draft: 1, released: 1, 'partially-signed': 0, final: 1 } });
    const merged = mergeRow(rows, row('wiesbaden', 'Stadt Wiesbaden', { projects: 4 }));
    expect(merged.map((r) => r.projects)).toEqual([0, 4, 0]);
    expect(mergeRow(rows, row('kassel', 'Stadt Kassel'))).toHaveLength(4);
  });

  it('writes table amounts with cents and the Euro sign', () => {
    expect(formatAmount(46_280_000)).toBe('462.800,00\u00a0€');
    expect(formatAmount(123_456)).toBe('1.234,56\u00a0€');
    expect(formatAmount(5)).toBe('0,05\u00a0€');
  });
});

describe('the „Neue Runde“ form', () => {
  const filled = () => {
    const draft = initialDraft(2025);
    draft.deadline = '2025-11-30';
    draft.ministry = { name: 'Heike Hofmann', functionLines: 'Staatsministerin\n\n Hessisches Ministerium ', place: 'Wiesbaden' };
    draft.partners = draft.partners.map((p) => (p.districtId === 'fulda' ? { ...p, amount: '512.300,00', signatory: { name: 'Bernd Woide', functionLines: 'Landrat', place: 'Fulda' } } : p));
    return draft;
  };

  it('sends only partners with an amount, with function lines split and trimmed, and names the others', () => {
    const prepared = prepareRound(filled());
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.request.ministrySignatory.functionLines).toEqual(['Staatsministerin', 'Hessisches Ministerium']);
    expect(prepared.request.agreements).toEqual([{ districtId: 'fulda', amountCents: 51_230_000, signatory: { name: 'Bernd Woide', functionLines: ['Landrat'], place: 'Fulda' } }]);
    expect(prepared.left).toHaveLength(25);
    expect(prepared.left).toContain('Stadt Kassel');
  });

  it('points at the field with the first problem, with the server’s German message', () => {
    const draft = filled();
    draft.partners = draft.partners.map((p) => (p.districtId === 'kassel' ? { ...p, amount: '1.000' } : p));
    expect(prepareRound(draft)).toMatchObject({ ok: false, inputId: 'partner-kassel-name' });
    draft.partners = draft.partners.map((p) => (p.districtId === 'kassel' ? { ...p, amount: 'viel' } : p));
    expect(prepareRound(draft)).toEqual({ ok: false, inputId: 'partner-kassel-amount', message: 'Stadt Kassel, Betrag: „viel“ ist kein Betrag in Euro (Beispiel: 462.800,00).' });
    expect(prepareRound({ ...filled(), deadline: '' })).toMatchObject({ ok: false, inputId: 'round-deadline' });
  });

  it('proposes the year after the newest round, or next calendar year when there is none', () => {
    expect(proposedRoundYear([2024, 2025], new Date('2026-11-30T12:00:00Z'))).toBe(2026);
    expect(proposedRoundYear([], new Date('2026-11-30T12:00:00Z'))).toBe(2027);
  });

  it('takes last year’s signatories only where nothing was typed yet', () => {
    const draft = filled();
    const prefilled = applyPrefill(draft, {
      year: 2025,
      ministrySignatory: { name: 'Kai Klose', functionLines: ['Staatsminister'], place: 'Wiesbaden' },
      districts: [
        { districtId: 'fulda', signatory: { name: 'Alt', functionLines: ['Landrat'], place: 'Fulda' }, previousAmountCents: 1 },
        { districtId: 'kassel', signatory: { name: 'Christian Geselle', functionLines: ['Oberbürgermeister'], place: 'Kassel' }, previousAmountCents: 2 },
      ],
    });
    expect(prefilled.ministry.name).toBe('Heike Hofmann');
    expect(prefilled.partners.find((p) => p.districtId === 'fulda')?.signatory.name).toBe('Bernd Woide');
    expect(prefilled.partners.find((p) => p.districtId === 'kassel')).toMatchObject({ previousAmountCents: 2, signatory: { name: 'Christian Geselle', functionLines: 'Oberbürgermeister' } });
  });
});
