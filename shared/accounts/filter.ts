import type { Role } from '../roles.js';
import type { UserSummary } from './types.js';

export interface UserFilter {
  /** Matches name, username and e-mail address, case-insensitively. */
  query: string;
  /** 'ministry', a district id, or '' for all. */
  party: string;
  role: Role | '';
}

export const NO_FILTER: UserFilter = { query: '', party: '', role: '' };

/** The rows of the Benutzer list that match the search and the filters, sorted by party and name. */
export function filterUsers(users: readonly UserSummary[], filter: UserFilter): UserSummary[] {
  const needle = filter.query.trim().toLocaleLowerCase('de');
  return users
    .filter((user) => {
      if (filter.party === 'ministry' && user.districtId !== null) return false;
      if (filter.party !== '' && filter.party !== 'ministry' && user.districtId !== filter.party) return false;
      if (filter.role !== '' && user.role !== filter.role) return false;
      if (needle === '') return true;
      return [user.displayName, user.username, user.email ?? ''].some((value) => value.toLocaleLowerCase('de').includes(needle));
    })
    .sort((a, b) => Number(a.districtId !== null) - Number(b.districtId !== null) || a.partyLabel.localeCompare(b.partyLabel, 'de') || a.displayName.localeCompare(b.displayName, 'de'));
}
