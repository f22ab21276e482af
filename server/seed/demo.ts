import type { Role } from '../../shared/roles.js';
import { hashPassword } from '../auth/password.js';
import type { AgreementService } from '../commands/agreements.js';
import { FULDA_2024, WERRA_MEISSNER_2024 } from '../demo/agreements.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  districtId: string | null;
  color: string;
  /** Manages accounts (the Benutzer page): a flag on ministry users, not a role (shared/accounts/types.ts). */
  admin?: boolean;
  email: string;
}

/** One user per role. Never seed these into a production store (SEED=none). */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'hmsi-referat', displayName: 'Referat AQB (HMSI)', role: 'ministry-editor', districtId: null, color: '#1d4ed8', admin: true, email: 'referat-aqb@hmsi.example' },
  { username: 'hmsi-ministerin', displayName: 'Heike Hofmann', role: 'ministry-signatory', districtId: null, color: '#6d28d9', email: 'ministerin@hmsi.example' },
  { username: 'wmk-referat', displayName: 'Fachdienst Arbeit (Werra-Meißner-Kreis)', role: 'district-editor', districtId: 'werra-meissner-kreis', color: '#b45309', email: 'fachdienst-arbeit@werra-meissner-kreis.example' },
  { username: 'wmk-landraetin', displayName: 'Nicole Rathgeber', role: 'district-signatory', districtId: 'werra-meissner-kreis', color: '#be123c', email: 'landraetin@werra-meissner-kreis.example' },
  { username: 'wmk-gast', displayName: 'Gast (Werra-Meißner-Kreis)', role: 'viewer', districtId: 'werra-meissner-kreis', color: '#4b5563', email: 'gast@werra-meissner-kreis.example' },
  { username: 'fd-referat', displayName: 'Referat AQB (Landkreis Fulda)', role: 'district-editor', districtId: 'fulda', color: '#047857', email: 'aqb@landkreis-fulda.example' },
];

/** Seeds the demo into an empty store only: the 2024 Werra-Meißner agreement, a Fulda draft, the users. */
export async function seedDemo(store: Store, agreements: AgreementService, password: string, log: Logger): Promise<boolean> {
  if ((await store.countUsers()) > 0 || (await store.listAgreements()).length > 0) return false;
  const now = Date.now();
  // The demo users share one password, so one hash serves all (scrypt is deliberately slow).
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) await store.putUser({ ...user, passwordHash, createdAt: now });
  for (const seed of [WERRA_MEISSNER_2024, FULDA_2024]) await agreements.create(seed, 'system');
  log.info('demo-seeded', { users: DEMO_USERS.length, agreements: 2 });
  return true;
}
