import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import { decideRound, mayWatchRow } from '../../server/policies/rounds.js';
import { changesBetween } from '../../server/commands/changes.js';
import { checkCreateRound, isIsoDate } from '../../shared/rounds/validate.js';

/** The round's pure rules: who may do what, what a request must hold, how lineage reads as changes. */
const user = (role: Role, districtId: string | null): SessionUser => ({ username: role, displayName: role, role, districtId, partyLabel: districtId ?? 'Ministerium', color: '#000000' });

describe('the round policy', () => {
  it('lets only the ministry editor create, every ministry user steer, and everyone watch', () => {
    expect(decideRound(user('ministry-editor', null), 'create').ok).toBe(true);
    expect(decideRound(user('ministry-signatory', null), 'create').ok).toBe(false);
    expect(decideRound(user('district-editor', 'fulda'), 'create').ok).toBe(false);
    expect(decideRound(user('ministry-signatory', null), 'steer').ok).toBe(true);
    expect(decideRound(user('viewer', null), 'steer').ok).toBe(true);
    expect(decideRound(user('district-signatory', 'fulda'), 'steer')).toMatchObject({ ok: false, message: 'Die Übersicht der Runde ist dem Ministerium vorbehalten.' });
    expect(decideRound(user('viewer', 'fulda'), 'watch').ok).toBe(true);
  });

  it('shows a district only its own rows', () => {
    expect(mayWatchRow(user('district-editor', 'fulda'), 'fulda')).toBe(true);
    expect(mayWatchRow(user('district-editor', 'fulda'), 'werra-meissner-kreis')).toBe(false);
    expect(mayWatchRow(user('ministry-signatory', null), 'werra-meissner-kreis')).toBe(true);
  });
});

describe('the round request', () => {
  const valid = {
    year: 2025,
    templateVersion: 'aqb-2024',
    deadline: '2025-06-30',
    carryOver: 'none',
    ministrySignatory: { name: ' Heike Hofmann ', functionLines: ['Staatsministerin'], place: 'Wiesbaden' },
    agreements: [{ districtId: 'kassel', amountCents: 1_000_00, signatory: { name: 'N. N.', functionLines: ['Oberbürgermeister'], place: 'Kassel' } }],
  };

  it('accepts a valid request and trims what people type', () => {
    const result = checkCreateRound(valid);
    expect(result.ok && result.value.ministrySignatory.name).toBe('Heike Hofmann');
  });

  it('names the first invalid field in German', () => {
    expect(checkCreateRound({ ...valid, year: 2025.5 })).toMatchObject({ ok: false, field: 'year', message: 'Jahr: Bitte ein Jahr zwischen 2000 und 2100 angeben.' });
    expect(checkCreateRound({ ...valid, deadline: '30.06.2025', year: 'x' })).toMatchObject({ ok: false, field: 'year' });
    expect(checkCreateRound({ ...valid, agreements: [{ ...valid.agreements[0], signatory: { name: 'A', functionLines: ['B'], place: 'Kas\u202Esel' } }] })).toMatchObject({
      ok: false,
      field: 'agreements.0.signatory.place',
      message: 'Stadt Kassel, Unterzeichner/in, Ort: Enthält unzulässige Steuerzeichen.',
    });
    expect(checkCreateRound(null)).toMatchObject({ ok: false, message: 'Anfrage: Bitte die Angaben der Runde senden.' });
  });

  it('knows which dates exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-6-30')).toBe(false);
  });
});

describe('changes by lineage', () => {
  it('tells a renamed and moved project from a new one with an old title', () => {
    const previous = [{ measureType: 3 as const, entries: [{ id: 'p-old0001', title: 'A' }, { id: 'p-old0002', title: 'B' }, { id: 'p-old0003', title: ' ' }] }];
    const current = [
      { measureType: 4 as const, entries: [{ id: 'p-new0001', title: 'A neu', carriedFrom: 'p-old0001' }] },
      { measureType: 3 as const, entries: [{ id: 'p-new0002', title: 'B' }] },
    ];
    expect(changesBetween(previous, current)).toEqual({
      added: [{ id: 'p-new0002', title: 'B' }],
      removed: [{ id: 'p-old0002', title: 'B' }],
      renamed: [{ id: 'p-new0001', title: 'A neu', from: 'A', previousId: 'p-old0001' }],
      moved: [{ id: 'p-new0001', title: 'A neu', fromMeasureType: 3, toMeasureType: 4, previousId: 'p-old0001' }],
    });
  });
});
