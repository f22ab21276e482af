import { DISTRICTS, findDistrict, type District } from '../districts.js';
import type { Role } from '../roles.js';

/**
 * The shape of an account, checked the same way in the form and on the server: each function
 * returns a German message for the user, or null when the value is fine.
 */

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MAX_DISPLAY_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;

export function usernameProblem(username: string): string | null {
  if (USERNAME_PATTERN.test(username)) return null;
  return 'Der Benutzername besteht aus 2 bis 40 Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich und beginnt mit einem Buchstaben oder einer Ziffer.';
}

export function displayNameProblem(name: string): string | null {
  if (name.trim().length === 0) return 'Bitte einen Namen angeben.';
  if (name.length > MAX_DISPLAY_NAME_LENGTH) return `Der Name darf höchstens ${MAX_DISPLAY_NAME_LENGTH} Zeichen lang sein.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Der Name enthält unzulässige Steuerzeichen.';
  return null;
}

/** A pragmatic check (one @, a dot in the domain, no spaces): the mail server has the last word. */
export function emailProblem(email: string | null): string | null {
  if (email === null) return null;
  if (email.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return 'Bitte eine gültige E-Mail-Adresse angeben, z. B. vorname.nachname@hmsi.hessen.de.';
  }
  return null;
}

/** Ministry roles belong to no district, district roles to one; a viewer may be either. Only ministry users administer. */
export function assignmentProblem(role: Role, districtId: string | null, admin: boolean): string | null {
  if (districtId !== null && !findDistrict(districtId)) return 'Diesen Kreis bzw. diese Stadt gibt es nicht.';
  if (role.startsWith('ministry') && districtId !== null) return 'Eine Rolle des Ministeriums gehört zu keinem Kreis.';
  if (role.startsWith('district') && districtId === null) return 'Bitte den Kreis bzw. die Stadt angeben.';
  if (admin && districtId !== null) return 'Nur Benutzer des Ministeriums können Benutzer verwalten.';
  return null;
}

/** The party's name as the Benutzer page shows it: "Landkreis Kassel" and "Stadt Kassel" differ. */
export function partyNameOf(district: District): string {
  if (district.kind === 'kreisfreie-stadt') return `Stadt ${district.name}`;
  return /kreis$/i.test(district.name) ? district.name : `Landkreis ${district.name}`;
}

export function partyLabelOf(districtId: string | null): string {
  if (districtId === null) return 'Ministerium';
  const district = findDistrict(districtId);
  return district ? partyNameOf(district) : districtId;
}

/** The parties in the order of the filter: the ministry, then the districts alphabetically. */
export const PARTY_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'ministry', label: 'Ministerium' },
  ...DISTRICTS.map((district) => ({ value: district.id, label: partyNameOf(district) })).sort((a, b) => a.label.localeCompare(b.label, 'de')),
];
