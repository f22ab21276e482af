import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { composeExtensions, type SyncExtension } from '../sync/extensions.js';
import type { SyncHooks } from '../sync/types.js';
import { LockRulesExtension } from './lockRules.js';
import type { AgreementPeer } from './peer.js';
import { PersistenceExtension } from './persistence.js';

export type { AgreementPeer } from './peer.js';
export { COMPACT_AFTER_UPDATES } from './persistence.js';

/**
 * The sync hooks of agreements, in order: persistence (load, group commit, compaction), then the
 * lock rules, then whatever the app adds (comment titles, see server/app.ts). Order matters for
 * afterApply: compaction snapshots the document before derived data is written into it.
 */
export function agreementSyncHooks(
  store: Store,
  log: Logger,
  now: () => number = Date.now,
  more: readonly SyncExtension<AgreementPeer>[] = [],
): SyncHooks<AgreementPeer> {
  return composeExtensions([new PersistenceExtension(store), new LockRulesExtension(now), ...more], (event, details) => log.warn(event, details));
}
