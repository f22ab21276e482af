import type { SessionUser } from '../../shared/api.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import type { MeasureType } from '../../shared/measureTypes.js';
import type { ChangesSincePrevious } from '../../shared/rounds/types.js';
import { readProjectList } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/peer.js';
import type { Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import { agreementId, type AgreementService } from './agreements.js';

type Diff = Pick<ChangesSincePrevious, 'added' | 'removed' | 'renamed' | 'moved'>;

interface Located {
  id: string;
  title: string;
  carriedFrom?: string;
  measureType: MeasureType;
}

const flatten = (list: ProjectListModel): Located[] => list.flatMap((group) => group.entries.map((entry) => ({ ...entry, measureType: group.measureType })));

/**
 * What changed in §5 since last year, by lineage: an entry is the same project as last year's
 * when its `carriedFrom` names that entry's id, whatever its title says now. A title typed again
 * by hand is therefore a new project, and a renamed one stays the same project.
 */
export function changesBetween(previous: ProjectListModel, current: ProjectListModel): Diff {
  const before = new Map(flatten(previous).map((entry) => [entry.id, entry]));
  const diff: Diff = { added: [], removed: [], renamed: [], moved: [] };
  const continued = new Set<string>();
  for (const entry of flatten(current)) {
    const origin = entry.carriedFrom === undefined ? undefined : before.get(entry.carriedFrom);
    if (!origin) {
      diff.added.push({ id: entry.id, title: entry.title });
      continue;
    }
    continued.add(origin.id);
    if (origin.title.trim() !== entry.title.trim()) diff.renamed.push({ id: entry.id, title: entry.title, from: origin.title, previousId: origin.id });
    if (origin.measureType !== entry.measureType) {
      diff.moved.push({ id: entry.id, title: entry.title, fromMeasureType: origin.measureType, toMeasureType: entry.measureType, previousId: origin.id });
    }
  }
  // Entries left empty last year were never a project, and were not carried over.
  for (const entry of before.values()) if (!continued.has(entry.id) && entry.title.trim() !== '') diff.removed.push({ id: entry.id, title: entry.title });
  return diff;
}

/** GET /api/agreements/:id/changes-since-previous: whoever may read the agreement may read this. */
export class ChangesService {
  constructor(
    private readonly store: Store,
    private readonly agreements: AgreementService,
    private readonly rooms: RoomRegistry<AgreementPeer>,
  ) {}

  async sincePrevious(user: SessionUser, id: string): Promise<ChangesSincePrevious> {
    const record = await this.agreements.readable(user, id);
    const previousId = agreementId(record.districtId, record.year - 1);
    const previous = await this.store.getAgreement(previousId);
    const amount = { from: previous?.fields.amountCents ?? null, to: record.fields.amountCents };
    if (!previous) return { previous: null, added: [], removed: [], renamed: [], moved: [], amount };
    const [before, now] = await Promise.all([this.projects(previousId), this.projects(id)]);
    return { previous: { id: previous.id, year: previous.year }, ...changesBetween(before, now), amount };
  }

  private async projects(id: string): Promise<ProjectListModel> {
    return this.rooms.use(id, (room) => readProjectList(room.doc));
  }
}
