import { describe, expect, it } from 'vitest';
import type { AgreementStatus, SessionUser, SigningParty } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import { berlinIsoDate, normaliseCanonicalText, placeProblem, reasonProblem, shortHash, signatureMarkOf } from '../../shared/signoff.js';
import { decide, type SignoffAction, type SignoffState } from '../../server/policies/signoff.js';

const WMK = 'werra-meissner-kreis';

function user(role: Role, districtId: string | null): SessionUser {
  return { username: `${role}-${districtId ?? 'hmsi'}`, displayName: role, role, districtId, partyLabel: '', color: '#000000' };
}

const ministryEditor = user('ministry-editor', null);
const ministrySignatory = user('ministry-signatory', null);
const districtEditor = user('district-editor', WMK);
const districtSignatory = user('district-signatory', WMK);
const viewer = user('viewer', WMK);
const otherDistrictEditor = user('district-editor', 'fulda');
const otherDistrictSignatory = user('district-signatory', 'fulda');
const ministryViewer = user('viewer', null);

const USERS = { ministryEditor, ministrySignatory, districtEditor, districtSignatory, viewer, otherDistrictEditor, otherDistrictSignatory, ministryViewer };
type Who = keyof typeof USERS;

function state(status: AgreementStatus, signed: SigningParty[] = []): SignoffState {
  return { districtId: WMK, status, signed };
}

const STATES: Record<string, SignoffState> = {
  draft: state('draft'),
  released: state('released'),
  'signed by the ministry': state('partially-signed', ['ministry']),
  'signed by the district': state('partially-signed', ['district']),
  final: state('final', ['ministry', 'district']),
};

const NO_BLOCKERS = { projectCount: 3, openThreads: 0 };

/**
 * The whole table: for every action, state and user, the status it leads to or the HTTP status
 * of the refusal. Rows are read as "who does what in which state → outcome".
 */
const EXPECTED: Record<SignoffAction, Record<string, Partial<Record<Who, AgreementStatus | 403 | 409>>>> = {
  release: {
    draft: { ministryEditor: 'released' },
    released: { ministryEditor: 409 },
    'signed by the ministry': { ministryEditor: 409 },
    'signed by the district': { ministryEditor: 409 },
    final: { ministryEditor: 409 },
  },
  reopen: {
    draft: { ministryEditor: 409, districtEditor: 409 },
    released: { ministryEditor: 'draft', districtEditor: 'draft' },
    'signed by the ministry': { ministryEditor: 'draft', districtEditor: 'draft' },
    'signed by the district': { ministryEditor: 'draft', districtEditor: 'draft' },
    final: { ministryEditor: 409, districtEditor: 409 },
  },
  sign: {
    draft: { ministrySignatory: 409, districtSignatory: 409 },
    released: { ministrySignatory: 'partially-signed', districtSignatory: 'partially-signed' },
    'signed by the ministry': { ministrySignatory: 409, districtSignatory: 'final' },
    'signed by the district': { ministrySignatory: 'final', districtSignatory: 409 },
    final: { ministrySignatory: 409, districtSignatory: 409 },
  },
  uploadScan: {
    draft: { ministryEditor: 409, ministrySignatory: 409, districtEditor: 409, districtSignatory: 409 },
    released: { ministryEditor: 'released', ministrySignatory: 'released', districtEditor: 'released', districtSignatory: 'released' },
    'signed by the ministry': { ministryEditor: 'partially-signed', ministrySignatory: 'partially-signed', districtEditor: 'partially-signed', districtSignatory: 'partially-signed' },
    'signed by the district': { ministryEditor: 'partially-signed', ministrySignatory: 'partially-signed', districtEditor: 'partially-signed', districtSignatory: 'partially-signed' },
    final: { ministryEditor: 'final', ministrySignatory: 'final', districtEditor: 'final', districtSignatory: 'final' },
  },
};

describe('the sign-off state machine', () => {
  for (const [action, byState] of Object.entries(EXPECTED) as [SignoffAction, (typeof EXPECTED)[SignoffAction]][]) {
    for (const [stateName, outcomes] of Object.entries(byState)) {
      for (const who of Object.keys(USERS) as Who[]) {
        // Anyone not named in a row may not take the action at all: 403, whatever the state.
        const expected = outcomes[who] ?? 403;
        it(`${action} by ${who} when ${stateName} → ${expected}`, () => {
          const decision = decide(USERS[who], action, STATES[stateName] as SignoffState, NO_BLOCKERS);
          if (typeof expected === 'number') {
            expect(decision.ok).toBe(false);
            if (!decision.ok) {
              expect(decision.status).toBe(expected);
              expect(decision.message).toMatch(/[A-ZÄÖÜ]/);
            }
          } else {
            expect(decision).toEqual({ ok: true, next: expected });
          }
        });
      }
    }
  }

  it('refuses a release while the §5 project list is empty, with a German message', () => {
    const decision = decide(ministryEditor, 'release', STATES.draft as SignoffState, { projectCount: 0, openThreads: 0 });
    expect(decision).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('Projektliste in § 5 ist leer') });
  });

  it('refuses a release while comment threads are open and says how many', () => {
    expect(decide(ministryEditor, 'release', STATES.draft as SignoffState, { projectCount: 2, openThreads: 1 })).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('Ein Kommentar ist noch offen') });
    expect(decide(ministryEditor, 'release', STATES.draft as SignoffState, { projectCount: 2, openThreads: 3 })).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('3 Kommentare') });
  });

  it('lets no district user act on another district’s agreement, even a signatory', () => {
    for (const action of ['release', 'reopen', 'sign', 'uploadScan'] as const) {
      expect(decide(otherDistrictSignatory, action, STATES.released as SignoffState)).toMatchObject({ ok: false, status: 403 });
    }
  });
});

describe('the canonical text and the signature mark', () => {
  it('normalises to NFC with \\n line ends, so that the hash does not depend on transport', () => {
    expect(normaliseCanonicalText('Ma\u0308rz\r\nU\u0308bergang\r')).toBe('März\nÜbergang\n');
  });

  it('shows the short hash as four groups of four hex digits in the mark', () => {
    const hash = 'ab12cd34ef56ab78' + '0'.repeat(48);
    expect(shortHash(hash)).toBe('ab12 cd34 ef56 ab78');
    expect(signatureMarkOf(hash)).toBe('elektronisch unterzeichnet · SHA-256 ab12 cd34 ef56 ab78');
  });

  it('dates a signature by the calendar in Germany, not by UTC', () => {
    // 23:30 UTC on 22 July 2024 is already 23 July in Wiesbaden (summer time, UTC+2).
    expect(berlinIsoDate(Date.UTC(2024, 6, 22, 23, 30))).toBe('2024-07-23');
    expect(berlinIsoDate(Date.UTC(2024, 11, 31, 22, 59))).toBe('2024-12-31');
  });

  it('refuses an empty place, a place with control characters and a too short reason', () => {
    expect(placeProblem('  ')).toMatch(/Ort/);
    expect(placeProblem('Esch\u202ewege')).toMatch(/unzulässige/);
    expect(placeProblem('Eschwege')).toBeNull();
    expect(reasonProblem('x')).toMatch(/begründen/);
    expect(reasonProblem('Betrag in § 4 ist falsch.\nBitte korrigieren.')).toBeNull();
  });
});
