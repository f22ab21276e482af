import type * as Y from 'yjs';
import type { AgreementPeer } from '../documents/hooks.js';
import type { Logger } from '../log.js';
import { SqliteRoundStore, type RoundStore } from '../store/rounds.js';
import type { SignoffStore } from '../store/signoff.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { SyncHooks } from '../sync/types.js';
import type { AgreementService } from './agreements.js';
import { BoardService } from './board.js';
import { BoardEvents } from './boardEvents.js';
import { ChangesService } from './changes.js';
import { PaperService } from './paper.js';
import { SqlitePaperStore } from '../store/paper.js';
import { RoundService } from './rounds.js';

export interface RoundServiceDeps {
  store: Store;
  log: Logger;
  agreements: AgreementService;
  rooms: RoomRegistry<AgreementPeer>;
  /** The sync hooks of the app: the board listens to every document it loads. */
  hooks: SyncHooks<AgreementPeer>;
  signoffStore: SignoffStore;
  openThreads: (agreementId: string) => Promise<number>;
  /** Round records; by default in the SQLite file of `store`. */
  roundStore?: RoundStore;
}

/**
 * Builds the round's services for one app (createApp) and plugs them in: the agreements list
 * learns each round's deadline, and every change applied to a loaded agreement document — by a
 * client or by a command of the server — touches that agreement's row on the live board.
 */
export function roundServices(deps: RoundServiceDeps) {
  const roundStore = deps.roundStore ?? SqliteRoundStore.on(deps.store);
  let events: BoardEvents | null = null;
  const rounds = new RoundService({
    store: deps.store,
    rounds: roundStore,
    agreements: deps.agreements,
    rooms: deps.rooms,
    log: deps.log,
    onCreated: (ids) => ids.forEach((id) => events?.touch(id)),
  });
  const board = new BoardService({ store: deps.store, roundStore, roundService: rounds, signoff: deps.signoffStore, rooms: deps.rooms, openThreads: deps.openThreads });
  events = new BoardEvents((id) => board.rowOf(id), deps.log);
  const changes = new ChangesService(deps.store, deps.agreements, deps.rooms);
  const paper = new PaperService({ paper: SqlitePaperStore.on(deps.store), log: deps.log, onCreated: (id) => events?.touch(id) });

  deps.agreements.useDeadlines(async () => new Map((await roundStore.listRounds()).map((round) => [round.year, round.deadline])));

  // The real document of a room is the one loadDocument returns; its `update` fires after each
  // committed change is applied, whoever made it (shadow copies are built elsewhere).
  const loadDocument = deps.hooks.loadDocument.bind(deps.hooks);
  const watched = events;
  deps.hooks.loadDocument = async (name: string): Promise<Y.Doc> => {
    const doc = await loadDocument(name);
    doc.on('update', () => watched.touch(name));
    return doc;
  };

  return { rounds, board, events: watched, changes, roundStore, paper };
}
