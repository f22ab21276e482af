import type { DocumentActivity } from '../documents/activity.js';
import type { AgreementPeer } from '../documents/peer.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../notifications/notifier.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { AgreementService } from './agreements.js';
import { BoardService } from './board.js';
import { BoardEvents } from './boardEvents.js';
import { ChangesService } from './changes.js';
import { PaperService } from './paper.js';
import { RoundService } from './rounds.js';

export interface RoundServiceDeps {
  store: Store;
  log: Logger;
  agreements: AgreementService;
  rooms: RoomRegistry<AgreementPeer>;
  /** The sync extension that reports every change applied to a loaded agreement document. */
  activity: DocumentActivity;
  openThreads: (agreementId: string) => Promise<number>;
  notifier: Notifier;
}

/**
 * Builds the round's services for one app (createApp): every change applied to a loaded agreement
 * document — by a client or by a command of the server — touches that agreement's row on the
 * live board.
 */
export function roundServices(deps: RoundServiceDeps) {
  let events: BoardEvents | null = null;
  const rounds = new RoundService({
    store: deps.store,
    rounds: deps.store.rounds,
    agreements: deps.agreements,
    rooms: deps.rooms,
    log: deps.log,
    onCreated: (ids) => ids.forEach((id) => events?.touch(id)),
    notifier: deps.notifier,
  });
  const board = new BoardService({ store: deps.store, roundStore: deps.store.rounds, roundService: rounds, signoff: deps.store.signoff, rooms: deps.rooms, openThreads: deps.openThreads });
  const watched = new BoardEvents((id) => board.rowOf(id), deps.log);
  events = watched;
  const changes = new ChangesService(deps.store, deps.agreements, deps.rooms);
  const paper = new PaperService({ paper: deps.store.paper, templates: deps.agreements.templates, log: deps.log, onCreated: (id) => events?.touch(id) });
  deps.activity.onChange((name) => watched.touch(name));
  return { rounds, board, events: watched, changes, paper };
}
