import { ROLE_LABELS } from '../../../shared/roles.js';
import type { PresentUser } from '../collab/usePresence.js';

const words = (name: string) => name.split(/[\s()/,]+/).filter((word) => /\p{L}/u.test(word));

/**
 * Two letters for an avatar: the first letters of the first and the last word, so that
 * „Referat AQB (HMSI)“ and „Referat AQB (Landkreis Fulda)“ become „RH“ and „RF“, not both „RA“.
 */
export function initials(name: string): string {
  const parts = words(name);
  const first = parts[0] ?? name;
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const letters = last ? [first.charAt(0), last.charAt(0)] : [...first].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** The avatars' letters; where two people still share them, the second gets a number. */
export function distinctInitials(users: readonly PresentUser[]): string[] {
  const seen = new Map<string, number>();
  return users.map((user) => {
    const letters = initials(user.name);
    const count = (seen.get(letters) ?? 0) + 1;
    seen.set(letters, count);
    return count === 1 ? letters : `${letters}${count}`;
  });
}

/** Ministry or district, for the small mark on the avatar. */
export const isMinistry = (user: PresentUser): boolean => user.party === 'Ministerium' || (user.role?.startsWith('ministry') ?? false);

/** Name, role and party, for the tooltip and for screen readers. */
export function describe(user: PresentUser): string {
  const role = user.role ? ROLE_LABELS[user.role] : null;
  // The party only where neither the name nor the role says it already („Ministerium, Referat“).
  const party = user.party && !user.name.includes(user.party) && !(role?.includes(user.party) ?? false) ? user.party : null;
  const parts = [user.name, role, party];
  return parts.filter((part): part is string => part !== null && part !== '').join(' · ');
}
