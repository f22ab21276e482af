import { signingPartyOf } from '../../shared/permissions.js';
import type { StoredUser } from '../store/types.js';

/**
 * Who is told about what (issue 15): pure functions over the users and the event. Three rules
 * hold for every kind and are applied in one place, `audience`: never a user of another
 * district, never a deactivated user, never the actor themself.
 */
export type Person = Pick<StoredUser, 'username' | 'role' | 'districtId' | 'active'>;

/** Everyone who may hear about an agreement of the district: the ministry and that district, active, not the actor. */
export function audience(people: readonly Person[], districtId: string, actor: string): Person[] {
  return people.filter((p) => p.active && p.username !== actor && (p.districtId === null || p.districtId === districtId));
}

/** Those who work on an agreement: editors and signatories of both parties (no read-only accounts). */
const workers = (people: readonly Person[]) => people.filter((p) => p.role !== 'viewer');
const ofMinistry = (p: Person) => p.districtId === null;

/** What happened, with what each rule needs to know. */
export type NotificationEvent =
  | { kind: 'mention'; mentioned: readonly string[] }
  /** Everyone who wrote in the thread before, and those mentioned now (who get "mention" instead). */
  | { kind: 'reply'; participants: readonly string[]; mentioned: readonly string[] }
  | { kind: 'sign-requested' }
  | { kind: 'signed'; party: 'ministry' | 'district' }
  | { kind: 'final' }
  | { kind: 'reopened' }
  | { kind: 'amount-changed' }
  | { kind: 'round-started' }
  | { kind: 'deadline-soon' }
  | { kind: 'deadline-overdue' };

/** The usernames to notify of the event about an agreement of `districtId`, acted on by `actor`. */
export function recipientsOf(event: NotificationEvent, people: readonly Person[], districtId: string, actor: string): string[] {
  const heard = audience(people, districtId, actor);
  const pick = (chosen: readonly Person[]) => chosen.map((p) => p.username);
  switch (event.kind) {
    case 'mention':
      return pick(heard.filter((p) => event.mentioned.includes(p.username)));
    case 'reply':
      return pick(heard.filter((p) => event.participants.includes(p.username) && !event.mentioned.includes(p.username)));
    case 'sign-requested':
      // „Bitte zeichnen“: the signatories of both parties; each party's block waits for its own.
      return pick(heard.filter((p) => signingPartyOf(p, districtId) !== null));
    case 'signed':
      // The other party learns that this one has signed.
      return pick(workers(heard).filter((p) => (event.party === 'district' ? ofMinistry(p) : !ofMinistry(p))));
    case 'round-started':
      return pick(workers(heard).filter((p) => !ofMinistry(p)));
    case 'final':
    case 'reopened':
    case 'amount-changed':
    case 'deadline-soon':
    case 'deadline-overdue':
      return pick(workers(heard));
  }
}
