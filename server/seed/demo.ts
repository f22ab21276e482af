import type { Role } from '../../shared/roles.js';
import { hashPassword } from '../auth/password.js';
import type { AgreementService } from '../commands/agreements.js';
import type { PaperService } from '../commands/paper.js';
import type { RoundService } from '../commands/rounds.js';
import { FULDA_2024, WERRA_MEISSNER_2024 } from '../demo/agreements.js';
import { DEMO_NOTE_2025, round2024Record, round2025Request } from '../demo/rounds.js';
import { seedDemoTemplates } from '../demo/templates.js';
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

export interface DemoServices {
  agreements: AgreementService;
  rounds: { rounds: RoundService; paper: PaperService };
}

/**
 * Seeds the demo into an empty store only (issue 10, „Demo data"): the template versions aqb-2025
 * (published) and aqb-2026-entwurf (a draft, issue 11); the users; the 2024 round with
 * Fulda's agreement and the published Werra-Meißner agreement recorded as signed on paper; the
 * 2025 round with a draft for each of the 26 partners, created by the round command in one
 * transaction, so that a start stays fast.
 */
export async function seedDemo(store: Store, services: DemoServices, password: string, log: Logger): Promise<boolean> {
  if ((await store.countUsers()) > 0 || (await store.listAgreements()).length > 0) return false;
  const now = Date.now();
  // The demo users share one password, so one hash serves all (scrypt is deliberately slow).
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) await store.putUser({ ...user, passwordHash, createdAt: now });
  const { agreements, rounds } = services;
  await seedDemoTemplates(store.templates, now);
  await store.rounds.createRound(round2024Record(now), [agreements.prepare(FULDA_2024, now)], { username: 'system', via: 'server' });
  await rounds.paper.record('system', { ...WERRA_MEISSNER_2024, scan: null });
  const round2025 = await rounds.rounds.start('system', round2025Request(), DEMO_NOTE_2025);
  log.info('demo-seeded', { users: DEMO_USERS.length, agreements: 2 + round2025.agreements.length });
  return true;
}
