import { isRole, ROLE_LABELS } from '../roles.js';
import type { FieldChange, UserEvent } from './types.js';
import { partyLabelOf } from './validate.js';

/** How the Benutzer page reads an audit event: what happened, in German, without who and when. */

const FIELD_LABELS: Readonly<Record<FieldChange['field'], string>> = {
  displayName: 'Name',
  email: 'E-Mail',
  role: 'Rolle',
  districtId: 'Partei',
  admin: 'Benutzerverwaltung',
};

function valueText(change: FieldChange, value: FieldChange['from']): string {
  if (value === null || value === '') return change.field === 'districtId' ? 'Ministerium' : '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (change.field === 'role' && isRole(value)) return ROLE_LABELS[value];
  if (change.field === 'districtId') return partyLabelOf(value);
  return value;
}

export function describeChange(change: FieldChange): string {
  return `${FIELD_LABELS[change.field]}: ${valueText(change, change.from)} → ${valueText(change, change.to)}`;
}

export function describeUserEvent(event: UserEvent): string {
  switch (event.kind) {
    case 'created': {
      const role = event.changes.find((c) => c.field === 'role');
      return role && typeof role.to === 'string' && isRole(role.to) ? `Angelegt als ${ROLE_LABELS[role.to]}` : 'Angelegt';
    }
    case 'changed':
    case 'email-changed':
      return event.changes.map(describeChange).join('; ') || 'Geändert';
    case 'deactivated':
      return 'Deaktiviert';
    case 'reactivated':
      return 'Reaktiviert';
    case 'one-time-password-set':
      return 'Einmalpasswort gesetzt';
    case 'password-changed':
      return 'Passwort geändert';
  }
}

/** "cli" is the command line on the server (npm run user). */
export function actorLabel(actor: string): string {
  return actor === 'cli' ? 'Kommandozeile' : actor;
}
