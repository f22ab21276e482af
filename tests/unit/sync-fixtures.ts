import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import type { AgreementPeer } from '../../server/documents/hooks.js';
import type { PendingUpdate, Store, StoredDocument } from '../../server/store/types.js';

/** What the in-process sync tests share: a store in memory and the peers' identities. */

export const ROOM = 'aqb-2024-werra-meissner-kreis';

/**
 * The document part of the store, in memory (an fsync per commit would make fuzzing slow),
 * seeded with the 2024 Werra-Meißner agreement. `failNextAppend` makes the next commit fail.
 */
export class MemoryStore implements Store {
  readonly log: Uint8Array[] = [Y.encodeStateAsUpdate(seedAgreementDoc(WERRA_MEISSNER_2024.fields, WERRA_MEISSNER_2024.projects, 'draft'))];
  failNextAppend = false;
  /** While set, commits wait for it: a slow disk, to look at the room between check and commit. */
  gate: Promise<void> | null = null;
  private snapshot: { state: Uint8Array; upto: number } | null = null;

  async loadDocument(): Promise<StoredDocument> {
    const upto = this.snapshot?.upto ?? 0;
    return { snapshot: this.snapshot?.state ?? null, snapshotSeq: upto, updates: this.log.slice(upto), lastSeq: this.log.length };
  }
  /** This in-memory store keeps no owners: a new load starts with none (SqliteStore keeps them). */
  async loadClientOwners() {
    return new Map<number, string>();
  }
  async appendUpdates(updates: PendingUpdate[]) {
    if (this.gate) await this.gate;
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new Error('disk full');
    }
    return updates.map((u) => this.log.push(u.update));
  }
  async writeSnapshot(_id: string, state: Uint8Array) {
    this.snapshot = { state, upto: this.log.length };
  }
  /** The document as a fresh load would build it. */
  async load(): Promise<Y.Doc> {
    const stored = await this.loadDocument();
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }
  getUser = notUsed;
  putUser = notUsed;
  countUsers = notUsed;
  createSession = notUsed;
  getSession = notUsed;
  deleteSession = notUsed;
  listAgreements = notUsed;
  getAgreement = notUsed;
  createAgreement = notUsed;
  setFields = notUsed;
  appendEvent = notUsed;
  get comments(): never {
    return notUsed();
  }
  get signoff(): never {
    return notUsed();
  }
  get versions(): never {
    return notUsed();
  }
  get users(): never {
    return notUsed();
  }
  get rounds(): never {
    return notUsed();
  }
  get paper(): never {
    return notUsed();
  }
  get notifications(): never {
    return notUsed();
  }
  get templates(): never {
    return notUsed();
  }
  async close() {}
}

function notUsed(): never {
  throw new Error('the sync layer does not use this part of the store');
}

/** A peer of the Werra-Meißner room: a ministry user (districtId null) or a district user. */
export function agreementPeer(username: string, districtId: string | null, overrides: Partial<SessionUser> & { sessionExpiresAt?: number } = {}): AgreementPeer {
  const { sessionExpiresAt = Number.POSITIVE_INFINITY, ...userOverrides } = overrides;
  const user: SessionUser = {
    username,
    displayName: username,
    role: districtId ? 'district-editor' : 'ministry-editor',
    districtId,
    partyLabel: '',
    color: '#000000',
    ...userOverrides,
  };
  return { username, user, districtId: 'werra-meissner-kreis', sessionExpiresAt, sessionTokenHash: `token-${username}`, presence: { user: { name: username } } };
}
