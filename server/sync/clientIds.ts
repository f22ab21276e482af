import * as Y from 'yjs';
import { CLIENT_ID_LIMITS, CLOSE } from '../../shared/protocol.js';
import { AttemptLimit } from './attemptLimit.js';
import type { Rejection } from './types.js';

type UpdateMeta = ReturnType<typeof Y.parseUpdateMeta>;

/**
 * New Yjs client ids per user and document, shared by the rooms of one registry (so that a room
 * unloaded and loaded again does not start afresh). Per document, because the cost is per
 * document (its state vector), and an official who opens many agreements in an hour edits each
 * in a page load of its own.
 */
export function newClientIdLimit(): AttemptLimit {
  return new AttemptLimit({ burst: CLIENT_ID_LIMITS.newPerUser.burst, perMinute: CLIENT_ID_LIMITS.newPerUser.perHour / 60 });
}

/**
 * The Yjs client ids of one document and who writes as them. Structs carry only a client id and
 * a clock; an update that claimed clocks of another user's client (a GC struct of huge length
 * costs a few bytes) would make the server take that user's later edits for known ones,
 * acknowledge and drop them. A client id belongs to the user who first wrote with it; the store
 * remembers that across loads and restarts. Ids are a resource too: every sync exchanges a state
 * vector with one entry per id ever used, so how many a user or an update introduces is bounded.
 */
export class ClientIds {
  private readonly owners = new Map<number, string>();

  constructor(
    owners: ReadonlyMap<number, string>,
    private readonly newPerUser: AttemptLimit = newClientIdLimit(),
    /** The document these ids belong to: the limit counts per user and document. */
    private readonly documentName = '',
  ) {
    for (const [client, username] of owners) this.owners.set(client, username);
  }

  /**
   * Whether `username` may announce `client` in awareness: nobody else writes as it. Claims
   * nothing: an announcement ends with its connection (the room refuses writes as an id another
   * live connection announces).
   */
  mayAnnounce(client: number, username: string): boolean {
    return (this.owners.get(client) ?? username) === username;
  }

  /**
   * Before the update is applied, from its meta (read without decoding its content): the clocks
   * it claims in all, and how many client ids it introduces. `known` is the document's clock of
   * a client (0 for an id it has never seen).
   */
  checkShape(meta: UpdateMeta, known: (client: number) => number): Rejection | null {
    let span = 0;
    for (const [client, to] of meta.to) span += to - (meta.from.get(client) ?? to);
    if (span > CLIENT_ID_LIMITS.clockSpanPerUpdate) return { code: CLOSE.forbiddenUpdate, reason: `claims ${span} clocks in one update` };
    const fresh = this.fresh(meta, known);
    if (fresh.length > CLIENT_ID_LIMITS.newPerUpdate) return { code: CLOSE.forbiddenUpdate, reason: `introduces ${fresh.length} new Yjs client ids in one update` };
    return null;
  }

  /** Charges the user for the new client ids of an update about to be applied. */
  chargeNew(meta: UpdateMeta, known: (client: number) => number, username: string): Rejection | null {
    const fresh = this.fresh(meta, known);
    if (fresh.length === 0 || this.newPerUser.take(`${this.documentName}\u0000${username}`, fresh.length)) return null;
    return { code: CLOSE.tooManyMessages, reason: `more new Yjs client ids than a person's page loads` };
  }

  /** A rejection if the update writes as a client that someone else writes as, or that another connection announces. */
  foreign(clients: readonly number[], username: string, announcedByOthers: (client: number) => boolean): Rejection | null {
    const foreign = clients.find((client) => (this.owners.get(client) ?? username) !== username || announcedByOthers(client));
    return foreign === undefined ? null : { code: CLOSE.forbiddenUpdate, reason: `writes as the Yjs client ${foreign} of someone else` };
  }

  claim(clients: readonly number[], username: string) {
    for (const client of clients) this.owners.set(client, username);
  }

  private fresh(meta: UpdateMeta, known: (client: number) => number): number[] {
    return [...meta.to.keys()].filter((client) => known(client) === 0 && !this.owners.has(client));
  }
}
