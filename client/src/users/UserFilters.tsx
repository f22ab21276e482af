import type { UserFilter } from '../../../shared/accounts/filter.js';
import { PARTY_OPTIONS } from '../../../shared/accounts/validate.js';
import { isRole, ROLE_LABELS, ROLES } from '../../../shared/roles.js';

/** Search and the two filters above the Benutzer list; the list filters as one types. */
export function UserFilters({ filter, onChange }: { filter: UserFilter; onChange: (filter: UserFilter) => void }) {
  return (
    <div className="user-filters" role="search">
      <div className="user-filter user-filter-search">
        <label htmlFor="user-search">Suchen</label>
        <input id="user-search" type="search" placeholder="Name, Benutzername oder E-Mail" value={filter.query} onChange={(event) => onChange({ ...filter, query: event.target.value })} />
      </div>
      <div className="user-filter">
        <label htmlFor="user-party">Partei</label>
        <select id="user-party" value={filter.party} onChange={(event) => onChange({ ...filter, party: event.target.value })}>
          <option value="">Alle Parteien</option>
          {PARTY_OPTIONS.map((party) => (
            <option key={party.value} value={party.value}>
              {party.label}
            </option>
          ))}
        </select>
      </div>
      <div className="user-filter">
        <label htmlFor="user-role">Rolle</label>
        <select id="user-role" value={filter.role} onChange={(event) => onChange({ ...filter, role: isRole(event.target.value) ? event.target.value : '' })}>
          <option value="">Alle Rollen</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
