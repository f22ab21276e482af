import { describe, expect, it } from 'vitest';
import type { AgreementStatus, SessionUser, SigningParty } from '../../shared/api.js';
import { ACTIONS, can, roleAllows, type Action, type AgreementScope } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import { canComment } from '../../server/policies/comments.js';
import { decide } from '../../server/policies/signoff.js';

const WMK = 'werra-meissner-kreis';

function user(role: Role, districtId: string | null): SessionUser {
  return { username: `${role}-${districtId ?? 'hmsi'}`, displayName: role, role, districtId, partyLabel: '', color: '#000000' };
}

const USERS = {
  ministryEditor: user('ministry-editor', null),
  ministrySignatory: user('ministry-signatory', null),
  ministryViewer: user('viewer', null),
  districtEditor: user('district-editor', WMK),
  districtSignatory: user('district-signatory', WMK),
  viewer: user('viewer', WMK),
  otherDistrictEditor: user('district-editor', 'fulda'),
};
type Who = keyof typeof USERS;

const scope = (status: AgreementStatus, signed: SigningParty[] = []): AgreementScope => ({ districtId: WMK, status, signed });

const SCOPES: Record<string, AgreementScope> = {
  draft: scope('draft'),
  released: scope('released'),
  'signed by the ministry': scope('partially-signed', ['ministry']),
  'signed by the district': scope('partially-signed', ['district']),
  final: scope('final', ['ministry', 'district']),
};

/**
 * The whole table: who may do what in each state. Anything not listed is refused. Comments stay
 * open while released (issue 13: signatories ask while they read); only a final agreement closes them.
 */
const ALLOWED: Record<string, Partial<Record<Who, readonly Action[]>>> = {
  draft: {
    ministryEditor: ['read', 'editBody', 'editAmount', 'comment', 'release'],
    ministrySignatory: ['read', 'comment'],
    ministryViewer: ['read'],
    districtEditor: ['read', 'editBody', 'comment'],
    districtSignatory: ['read', 'comment'],
    viewer: ['read'],
  },
  released: {
    ministryEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    ministrySignatory: ['read', 'comment', 'sign', 'uploadScan'],
    ministryViewer: ['read'],
    districtEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    districtSignatory: ['read', 'comment', 'sign', 'uploadScan'],
    viewer: ['read'],
  },
  'signed by the ministry': {
    ministryEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    ministrySignatory: ['read', 'comment', 'uploadScan'],
    ministryViewer: ['read'],
    districtEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    districtSignatory: ['read', 'comment', 'sign', 'uploadScan'],
    viewer: ['read'],
  },
  'signed by the district': {
    ministryEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    ministrySignatory: ['read', 'comment', 'sign', 'uploadScan'],
    ministryViewer: ['read'],
    districtEditor: ['read', 'comment', 'reopen', 'uploadScan'],
    districtSignatory: ['read', 'comment', 'uploadScan'],
    viewer: ['read'],
  },
  final: {
    ministryEditor: ['read', 'uploadScan'],
    ministrySignatory: ['read', 'uploadScan'],
    ministryViewer: ['read'],
    districtEditor: ['read', 'uploadScan'],
    districtSignatory: ['read', 'uploadScan'],
    viewer: ['read'],
  },
};

const SIGNOFF_ACTIONS = ['release', 'reopen', 'sign', 'uploadScan'] as const;

describe('the permission table (shared/permissions.ts)', () => {
  for (const [name, agreement] of Object.entries(SCOPES)) {
    for (const who of Object.keys(USERS) as Who[]) {
      it(`${who} in a ${name} agreement may ${(ALLOWED[name]?.[who] ?? []).join(', ') || 'nothing'}`, () => {
        const allowed = ACTIONS.filter((action) => can(USERS[who], action, agreement));
        expect(allowed).toEqual(ALLOWED[name]?.[who] ?? []);
      });
    }
  }

  it('never lets a district act on another district’s agreement, whatever the status', () => {
    for (const agreement of Object.values(SCOPES)) {
      for (const action of ACTIONS) expect(can(USERS.otherDistrictEditor, action, agreement)).toBe(false);
    }
  });

  it('tells "never" (role) from "not now" (status)', () => {
    expect(roleAllows(USERS.ministryEditor, 'editAmount', WMK)).toBe(true);
    expect(can(USERS.ministryEditor, 'editAmount', SCOPES.final ?? scope('final'))).toBe(false);
    expect(roleAllows(USERS.districtEditor, 'editAmount', WMK)).toBe(false);
    expect(roleAllows(USERS.viewer, 'comment', WMK)).toBe(false);
  });

  it('is what the sign-off state machine decides (without release blockers)', () => {
    for (const agreement of Object.values(SCOPES)) {
      for (const who of Object.values(USERS)) {
        for (const action of SIGNOFF_ACTIONS) {
          const state = { districtId: agreement.districtId, status: agreement.status, signed: agreement.signed ?? [] };
          expect(decide(who, action, state).ok, `${who.username} ${action} ${agreement.status}`).toBe(can(who, action, agreement));
        }
      }
    }
  });

  it('is what the comment policy decides for writing a comment', () => {
    for (const agreement of Object.values(SCOPES)) {
      for (const who of Object.values(USERS)) {
        expect(canComment(who, 'comment', agreement)).toBe(can(who, 'comment', agreement));
        expect(canComment(who, 'read', agreement)).toBe(can(who, 'read', agreement));
      }
    }
  });
});
