import { describe, expect, it } from 'vitest';
import type { AgreementStatus, SessionUser } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import { canComment, type CommentAction } from '../../server/policies/comments.js';

const user = (username: string, role: Role, districtId: string | null): SessionUser => ({
  username,
  displayName: username,
  role,
  districtId,
  partyLabel: districtId ?? 'Ministerium',
  color: '#000000',
});

const WMK = { districtId: 'werra-meissner-kreis', status: 'draft' as AgreementStatus };
const people = {
  ministryEditor: user('hmsi-referat', 'ministry-editor', null),
  ministrySignatory: user('hmsi-ministerin', 'ministry-signatory', null),
  districtEditor: user('wmk-referat', 'district-editor', 'werra-meissner-kreis'),
  districtSignatory: user('wmk-landraetin', 'district-signatory', 'werra-meissner-kreis'),
  viewer: user('wmk-gast', 'viewer', 'werra-meissner-kreis'),
  otherDistrict: user('fd-referat', 'district-editor', 'fulda'),
};
type Person = keyof typeof people;

const matrix: Record<Person, Record<'read' | 'comment' | 'resolve', boolean>> = {
  ministryEditor: { read: true, comment: true, resolve: true },
  ministrySignatory: { read: true, comment: true, resolve: true },
  districtEditor: { read: true, comment: true, resolve: true },
  districtSignatory: { read: true, comment: true, resolve: true },
  viewer: { read: true, comment: false, resolve: false },
  otherDistrict: { read: false, comment: false, resolve: false },
};

describe('who may do what with comments', () => {
  for (const [person, rights] of Object.entries(matrix) as [Person, (typeof matrix)[Person]][]) {
    for (const [action, allowed] of Object.entries(rights) as [CommentAction, boolean][]) {
      it(`${allowed ? 'lets' : 'does not let'} the ${person} ${action} in a draft`, () => {
        expect(canComment(people[person], action, WMK)).toBe(allowed);
      });
    }
  }

  it('lets authors edit and delete their own comments, and nobody else’s', () => {
    const own = { authorUsername: 'wmk-referat' };
    expect(canComment(people.districtEditor, 'edit', WMK, own)).toBe(true);
    expect(canComment(people.districtEditor, 'delete', WMK, own)).toBe(true);
    expect(canComment(people.ministryEditor, 'edit', WMK, own)).toBe(false);
    expect(canComment(people.ministryEditor, 'delete', WMK, own)).toBe(false);
    expect(canComment(people.districtEditor, 'edit', WMK)).toBe(false);
  });

  it('keeps the discussion open while released for signature: comments do not change the frozen text', () => {
    for (const status of ['released', 'partially-signed'] as const) {
      const released = { ...WMK, status };
      for (const action of ['comment', 'resolve', 'edit', 'delete'] as const) {
        expect(canComment(people.districtSignatory, action, released, { authorUsername: 'wmk-landraetin' })).toBe(true);
      }
      expect(canComment(people.viewer, 'comment', released)).toBe(false);
    }
  });

  it('allows only reading once the agreement is final', () => {
    const final = { ...WMK, status: 'final' as AgreementStatus };
    expect(canComment(people.ministryEditor, 'read', final)).toBe(true);
    for (const action of ['comment', 'resolve', 'edit', 'delete'] as const) {
      expect(canComment(people.ministryEditor, action, final, { authorUsername: 'hmsi-referat' })).toBe(false);
    }
  });
});
