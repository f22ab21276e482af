/** The roles; who may do what with them is shared/permissions.ts. */
export type Role = 'ministry-editor' | 'ministry-signatory' | 'district-editor' | 'district-signatory' | 'viewer';

export const ROLES: readonly Role[] = ['ministry-editor', 'ministry-signatory', 'district-editor', 'district-signatory', 'viewer'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'ministry-editor': 'Ministerium, Referat',
  'ministry-signatory': 'Ministerium, Zeichnungsberechtigt',
  'district-editor': 'Kreis/Stadt, Referat',
  'district-signatory': 'Kreis/Stadt, Zeichnungsberechtigt',
  viewer: 'Lesezugriff',
};

/** The ministry, or the id of a district (shared/districts.ts). */
export type Party = 'ministry' | { districtId: string };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
