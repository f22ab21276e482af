import type { ProjectListModel } from '../../shared/editor/body.js';
import { newEntryId } from '../../shared/editor/ids.js';
import { readProjectList } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/peer.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import { agreementId } from './agreements.js';

/**
 * §5 carried over (issue 10): a new agreement's project list starts from the district's
 * agreement of the previous year. That is its final version when it is final, because a final
 * agreement takes no change any more; otherwise its current state. Read from the server's own
 * document (the loaded room, else the store), never from what a client sends.
 *
 * Every carried entry gets a new id and remembers the one it came from (`carriedFrom`): changes
 * since last year, comparisons and comment anchoring follow ids, not titles.
 */
export async function previousProjectList(
  store: Store,
  rooms: RoomRegistry<AgreementPeer>,
  districtId: string,
  year: number,
): Promise<{ id: string; projects: ProjectListModel } | null> {
  const id = agreementId(districtId, year - 1);
  if (!(await store.getAgreement(id))) return null;
  return { id, projects: await rooms.use(id, (room) => readProjectList(room.doc)) };
}

/** The previous year's list with new ids and their lineage; entries without a title are left behind. */
export function carryOver(previous: ProjectListModel, makeId: () => string = newEntryId): ProjectListModel {
  return previous.map((group) => ({
    measureType: group.measureType,
    entries: group.entries.filter((entry) => entry.title.trim() !== '').map((entry) => ({ id: makeId(), title: entry.title, carriedFrom: entry.id })),
  }));
}
