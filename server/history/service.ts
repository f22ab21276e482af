import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api.js';
import type { AgreementFields } from '../../shared/fields.js';
import { diffFields, diffProjectLists } from '../../shared/history/diff.js';
import type { AttributionResponse, FieldNotice, RestoreResult, VersionDiff, VersionRef, VersionSummary } from '../../shared/history/types.js';
import { roleAllows } from '../../shared/permissions.js';
import { ROOT } from '../../shared/protocol.js';
import type { AgreementPeer } from '../documents/peer.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { can } from '../policies/agreements.js';
import type { AgreementRecord, Store } from '../store/types.js';
import type { StoredVersion } from '../store/versionTypes.js';
import type { RoomRegistry } from '../sync/registry.js';
import { attributeDiff } from './diffAttribution.js';
import { entryAttribution, type NameOf } from './attribution.js';
import { restoreProjectList } from './restore.js';
import { UpdateIndexes } from './updateIndex.js';
import { CommittedStates } from './committedStates.js';
import { StateDocs, type StateDoc } from './stateDocs.js';

/** A side of a comparison as the request names it: a version id or `now`. */
export type SideParam = number | 'now';

const summaryOf = ({ uptoSeq: _uptoSeq, ...summary }: StoredVersion): VersionSummary => summary;

/** One side of a comparison, loaded: its document (shared, read only) and the span of the update log it contains. */
interface Side extends StateDoc {
  ref: VersionRef;
  uptoSeq: number;
}

/**
 * Version history (issue 12): versions kept by the server, comparisons of two of them by entry
 * id with who made each change (from the update log), restoring §5 as a forward change, who wrote
 * each entry, and the notices of the other party's field changes. Reading rights are those of the
 * agreement; a district asking about another district's agreement learns nothing (404).
 */
export class VersionService {
  private readonly indexes: UpdateIndexes;
  /**
   * The document as committed, from the store (snapshot and the log after it) with the last update
   * it contains: exactly consistent, unlike the live document, which applies a commit a moment
   * after the store holds it.
   */
  private readonly committed: CommittedStates;
  /** The documents of the states compared lately. */
  private readonly docs: StateDocs;

  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry<AgreementPeer>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.indexes = new UpdateIndexes(store.versions);
    this.committed = new CommittedStates(store);
    this.docs = new StateDocs();
  }

  async list(user: SessionUser, id: string): Promise<VersionSummary[]> {
    await this.visible(user, id);
    const versions = (await this.store.versions.list(id)).map(summaryOf);
    // Whoever lists the versions is about to compare them: the index of the update log is built
    // now, after the answer, rather than inside the first comparison.
    setImmediate(() => {
      this.indexes.of(id).catch((error: unknown) => this.log.error('history-index-failed', { agreement: id, error: String(error) }));
    });
    return versions;
  }

  /** „Fassung sichern“: editors of either party (whoever may edit the body or the amount), in any status. */
  async create(user: SessionUser, id: string, name: string): Promise<VersionSummary> {
    const record = await this.visible(user, id);
    if (!roleAllows(user, 'editBody', record.districtId) && !roleAllows(user, 'editAmount', record.districtId)) {
      fail(403, 'Nur wer die Vereinbarung bearbeitet, kann eine Fassung sichern.', `${user.username} may not save a version of ${id}`);
    }
    const { state, uptoSeq } = await this.committed.of(id);
    const at = this.now();
    const version = await this.store.versions.save(
      id,
      { kind: 'named', name, status: record.status, state, uptoSeq, createdBy: user.username, at },
      { kind: 'version-saved', actor: user.username, at, data: { name } },
    );
    this.log.info('version-saved', { agreement: id, user: user.username, version: version.id });
    return summaryOf(version);
  }

  async compare(user: SessionUser, id: string, from: SideParam, to: SideParam): Promise<VersionDiff> {
    await this.visible(user, id);
    const [a, b] = [await this.side(id, from), await this.side(id, to)];
    const groups = diffProjectLists(a.projects, b.projects);
    const fields = diffFields(fieldsOf(a.doc), fieldsOf(b.doc));
    const index = await this.indexes.of(id);
    const attributed = await attributeDiff({ a: a.doc, b: b.doc, index, span: spanOf(a.uptoSeq, b.uptoSeq), nameOf: this.names() }, groups, fields);
    return { from: a.ref, to: b.ref, ...attributed };
  }

  /**
   * Brings §5 back to a version's state as one forward change of the server's, written under the
   * user's name and logged as „wiederhergestellt aus Fassung …“. The state just before is kept as
   * a version of its own (`before`): restoring that one undoes the restore.
   */
  async restore(user: SessionUser, id: string, versionId: number): Promise<RestoreResult> {
    const record = await this.visible(user, id);
    if (!roleAllows(user, 'editBody', record.districtId)) fail(403, 'Nur wer § 5 bearbeitet, kann eine Fassung wiederherstellen.', `${user.username} may not restore ${id}`);
    if (record.status !== 'draft') fail(409, 'Die Vereinbarung ist zur Zeichnung freigegeben; eine Fassung kann nur im Entwurf wiederhergestellt werden.', `restore of ${id} while ${record.status}`);
    const version = await this.store.versions.get(id, versionId);
    if (!version) fail(404, 'Diese Fassung gibt es nicht.', `version ${versionId} of ${id} not found`);
    const target = this.docs.of(`version ${version.id}`, () => version.state).projects;
    let before: Uint8Array | null = null;
    let kept: StoredVersion | null = null;
    await this.rooms.use(id, (room) =>
      room.submitServerChange(
        (doc) => {
          // Checked again on the live state: a release may have been queued since the read above.
          if (doc.getMap(ROOT.agreement).get('status') !== 'draft') fail(409, 'Die Vereinbarung ist zur Zeichnung freigegeben; eine Fassung kann nur im Entwurf wiederhergestellt werden.', `restore of ${id} after release`);
          before = Y.encodeStateAsUpdate(doc);
          restoreProjectList(doc, target);
        },
        async (update) => {
          if (!before) throw new Error(`restore of ${id} captured no state`);
          const at = this.now();
          kept = await this.store.versions.restore(
            { kind: 'restore', name: `Stand vor der Wiederherstellung von „${version.name}“`, status: 'draft', state: before, createdBy: user.username, at },
            { agreementId: id, update, author: { username: user.username, via: 'server' }, at },
            { kind: 'restored', actor: user.username, at, data: { versionId: String(version.id), versionName: version.name, label: `wiederhergestellt aus Fassung „${version.name}“` } },
          );
        },
      ),
    );
    this.log.info('version-restored', { agreement: id, user: user.username, version: versionId, changed: kept !== null });
    return { before: kept ? summaryOf(kept) : null };
  }

  async attribution(user: SessionUser, id: string): Promise<AttributionResponse> {
    await this.visible(user, id);
    // The committed state, and the index read after it: every item of the state is in the index.
    const { state, uptoSeq } = await this.committed.of(id);
    const { doc } = this.docs.of(`${id}@${uptoSeq}`, () => state);
    const index = await this.indexes.of(id);
    return { entries: await entryAttribution(doc, index, this.names()) };
  }

  /** Field changes by the other party this user has not marked seen, oldest first. */
  async notices(user: SessionUser, id: string): Promise<FieldNotice[]> {
    await this.visible(user, id);
    const seen = await this.store.versions.seenUpTo(user.username, id);
    const events = (await this.store.signoff.history(id)).filter((event) => event.kind === 'fields-changed' && event.id > seen);
    const notices: FieldNotice[] = [];
    for (const event of events) {
      const actor = await this.store.getUser(event.actor);
      const ministry = actor ? actor.districtId === null : event.actor === 'system';
      if (ministry === (user.districtId === null)) continue;
      notices.push({
        eventId: event.id,
        field: event.details.field as FieldNotice['field'],
        from: parseValue(event.details.from),
        to: parseValue(event.details.to),
        by: { username: event.actor, name: event.actorName },
        at: event.at,
      });
    }
    return notices;
  }

  /** Marks the notices up to an event seen (all so far when none is named). */
  async markSeen(user: SessionUser, id: string, upToEventId: number | undefined): Promise<void> {
    await this.visible(user, id);
    const last = (await this.store.signoff.history(id)).at(-1)?.id ?? 0;
    await this.store.versions.markSeen(user.username, id, Math.min(upToEventId ?? last, last));
  }

  /** The agreement, if the user may read it; a 404 otherwise, so nobody learns what exists elsewhere. */
  private async visible(user: SessionUser, id: string): Promise<AgreementRecord> {
    const record = await this.store.getAgreement(id);
    if (!record || !can(user, 'read', record)) fail(404, 'Diese Vereinbarung gibt es nicht.', record ? `${user.username} may not read the history of ${id}` : `agreement ${id} not found`);
    return record;
  }

  private async side(id: string, param: SideParam): Promise<Side> {
    if (param === 'now') {
      const { state, uptoSeq } = await this.committed.of(id);
      return { ref: { kind: 'now', at: this.now() }, ...this.docs.of(`${id}@${uptoSeq}`, () => state), uptoSeq };
    }
    const version = await this.store.versions.get(id, param);
    if (!version) fail(404, 'Diese Fassung gibt es nicht.', `version ${param} of ${id} not found`);
    const { state, ...stored } = version;
    return { ref: { kind: 'version', version: summaryOf(stored) }, ...this.docs.of(`version ${stored.id}`, () => state), uptoSeq: stored.uptoSeq };
  }

  /** Display names of usernames, each looked up once per request. */
  private names(): NameOf {
    const known = new Map<string, Promise<string>>();
    return (username) => {
      let name = known.get(username);
      if (!name) {
        name = username === 'system' ? Promise.resolve('System') : this.store.getUser(username).then((user) => user?.displayName ?? username);
        known.set(username, name);
      }
      return name;
    };
  }
}

function spanOf(a: number, b: number) {
  return { after: Math.min(a, b), upTo: Math.max(a, b) };
}

function fieldsOf(doc: Y.Doc): Partial<AgreementFields> {
  return doc.getMap<unknown>(ROOT.fields).toJSON();
}

/** Event details are strings; numbers (the amount in cents) come back as numbers. */
function parseValue(value: string | undefined): unknown {
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
