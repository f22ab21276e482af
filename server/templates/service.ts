import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api.js';
import { findDistrict } from '../../shared/districts.js';
import { CLOSE } from '../../shared/protocol.js';
import { yearProblem } from '../../shared/rounds/validate.js';
import { diffTemplates, type BlockDiff } from '../../shared/template/diff.js';
import type { TemplateComparison, TemplateNodeJSON, TemplateVersionDetail, TemplateVersionSummary } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';
import { validateTemplateContent } from '../../shared/template/validate.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { decideTemplate, templateNotFound, type TemplateAction, type TemplateDecision } from '../policies/templates.js';
import { TemplateVersionExists, type TemplateStore, type TemplateVersionRecord } from '../store/templateTypes.js';
import type { RoomRegistry } from '../sync/registry.js';
import { readTemplateContent, seedTemplateDoc, TEMPLATE_STATE_ROOT, templateStateOf } from './draftDoc.js';
import type { TemplatePeer } from './peer.js';
import { previewText } from './preview.js';
import { canonicalPublication } from './publication.js';
import { checkNewDraft, checkDraftChange, type DraftChange, type NewDraftRequest } from './requests.js';

export type PublishOutcome = { ok: true; detail: TemplateVersionDetail } | { ok: false; problems: string[] };

/** Refuses a publication from inside the room's server change (nothing is stored or broadcast). */
class PublishRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`template has ${problems.length} problems`);
  }
}

const PUBLISHED = 'Diese Fassung ist veröffentlicht und kann nicht mehr geändert werden. Legen Sie eine neue Fassung an.';

function enforce(decision: TemplateDecision): void {
  if (!decision.ok) fail(decision.status, decision.message, decision.reason);
}

/**
 * The commands on template versions (issue 11): the list, a version with its document, a new
 * draft copied from a version, its names, publishing, comparing and previewing. A draft's text
 * is its live document on this server (`rooms`), never a copy a client sends.
 */
export class TemplateService {
  constructor(
    private readonly store: TemplateStore,
    private readonly rooms: RoomRegistry<TemplatePeer>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async list(user: SessionUser): Promise<TemplateVersionSummary[]> {
    enforce(decideTemplate(user, 'list'));
    const [records, usage] = await Promise.all([this.store.list(), this.store.usage()]);
    return records.map((record) => summaryOf(record, usage.get(record.version) ?? 0));
  }

  /** The version if the user may read it: ministry users every one, a district its own published ones. */
  async readable(user: SessionUser, version: string, action: TemplateAction = 'read'): Promise<TemplateVersionRecord> {
    const record = await this.store.get(version);
    if (action !== 'read') enforce(decideTemplate(user, action, version));
    if (!record) {
      const missing = templateNotFound(version);
      fail(missing.status, missing.message, missing.reason);
    }
    const usedByOwnDistrict = user.districtId !== null && record.state === 'published' && (await this.store.usedByDistrict(version, user.districtId));
    enforce(decideTemplate(user, 'read', version, { state: record.state, usedByOwnDistrict }));
    return record;
  }

  async detail(user: SessionUser, version: string): Promise<TemplateVersionDetail> {
    const record = await this.readable(user, version);
    return this.detailOf(record);
  }

  /** A version's document: the published content, or the draft's live document as it is now. */
  async contentOf(record: TemplateVersionRecord): Promise<TemplateNodeJSON> {
    if (record.state === 'published' && record.content) return record.content;
    return this.rooms.use(record.version, (room) => readTemplateContent(room.doc));
  }

  async create(user: SessionUser, body: unknown): Promise<TemplateVersionDetail> {
    enforce(decideTemplate(user, 'write'));
    const request: NewDraftRequest = checkNewDraft(body);
    const source = await this.readable(user, request.from);
    const content = await this.contentOf(source);
    const at = this.now();
    const doc = seedTemplateDoc(content, 'draft');
    try {
      const draft = { version: request.version, label: request.label, basedOn: source.version, ministry: source.ministry, createdBy: user.username, createdAt: at };
      await this.store.createDraft(draft, Y.encodeStateAsUpdate(doc));
    } catch (error: unknown) {
      if (error instanceof TemplateVersionExists) fail(409, `Die Fassung „${request.version}“ gibt es schon. Bitte wählen Sie eine andere Kennung.`, error.message);
      throw error;
    } finally {
      doc.destroy();
    }
    this.log.info('template-draft-created', { version: request.version, from: source.version, user: user.username });
    return this.detail(user, request.version);
  }

  async change(user: SessionUser, version: string, body: unknown): Promise<TemplateVersionDetail> {
    const record = await this.readable(user, version, 'write');
    if (record.state === 'published') fail(409, PUBLISHED, `change of published template ${version}`);
    const change: DraftChange = checkDraftChange(body);
    if (!(await this.store.updateDraft(version, change))) fail(409, PUBLISHED, `template ${version} was published meanwhile`);
    this.log.info('template-draft-changed', { version, user: user.username, fields: Object.keys(change) });
    return this.detail(user, version);
  }

  async remove(user: SessionUser, version: string): Promise<void> {
    const record = await this.readable(user, version, 'write');
    if (record.state === 'published') fail(409, PUBLISHED, `delete of published template ${version}`);
    if (!(await this.store.deleteDraft(version))) fail(409, 'Diese Fassung wird verwendet oder ist Grundlage einer anderen und kann nicht gelöscht werden.', `template ${version} in use`);
    // Nobody keeps editing a draft that is gone.
    await this.rooms.closeWhere((peer) => peer.version === version, CLOSE.notFound, 'template deleted');
    this.log.info('template-draft-deleted', { version, user: user.username });
  }

  /**
   * Publishes the draft's live document: checked, stored with the SHA-256 of its canonical form,
   * and marked published in the document, all as one server change of the room. Updates the room
   * accepted before are part of what is published; updates after it are refused with 4409.
   */
  async publish(user: SessionUser, version: string): Promise<PublishOutcome> {
    const record = await this.readable(user, version, 'write');
    if (record.state === 'published') fail(409, PUBLISHED, `publish of published template ${version}`);
    const at = this.now();
    try {
      await this.rooms.use(version, (room) => {
        let publication: { content: TemplateNodeJSON; sha256: string; ministry: Ministry } | null = null;
        return room.submitServerChange(
          (doc) => {
            // A second publication that raced this one finds the state already set.
            if (templateStateOf(doc) !== 'draft') throw new PublishRefused([]);
            // The shadow holds every update accepted so far, in order: what the editors see.
            const content = readTemplateContent(doc);
            const problems = validateTemplateContent(content);
            if (problems.length > 0) throw new PublishRefused(problems);
            publication = canonicalPublication(version, record.ministry, content);
            doc.getMap<unknown>(TEMPLATE_STATE_ROOT).set('state', 'published');
          },
          async (update) => {
            if (!publication) throw new Error('publication was not prepared');
            await this.store.publish(version, { ...publication, publishedBy: user.username, publishedAt: at }, { version, update, author: { username: user.username, via: 'server' }, at });
          },
        );
      });
    } catch (error: unknown) {
      if (error instanceof PublishRefused && error.problems.length === 0) fail(409, PUBLISHED, `template ${version} was published meanwhile`);
      if (error instanceof PublishRefused) {
        this.log.info('template-publish-refused', { version, user: user.username, problems: error.problems.length });
        return { ok: false, problems: error.problems };
      }
      throw error;
    }
    this.log.info('template-published', { version, user: user.username });
    return { ok: true, detail: await this.detail(user, version) };
  }

  async compare(user: SessionUser, a: string, b: string): Promise<TemplateComparison<BlockDiff>> {
    const [from, to] = await Promise.all([this.readable(user, a), this.readable(user, b)]);
    const [fromContent, toContent] = await Promise.all([this.contentOf(from), this.contentOf(to)]);
    return { a, b, blocks: diffTemplates(fromContent, toContent) };
  }

  /** The text of the version for a district and a year, as an agreement's text would print. */
  async preview(user: SessionUser, version: string, districtId: string | undefined, yearParam: string | undefined): Promise<string> {
    const record = await this.readable(user, version);
    const district = districtId ? findDistrict(districtId) : undefined;
    if (!district) fail(400, `Unbekannter Kreis bzw. unbekannte Stadt „${String(districtId ?? '')}“.`, `preview for unknown district ${String(districtId)}`);
    const year = yearParam === undefined ? new Date(this.now()).getFullYear() : Number(yearParam);
    const problem = yearProblem(year);
    if (problem) fail(400, `Jahr: ${problem}`, `preview for invalid year ${String(yearParam)}`);
    return previewText(version, record.ministry, await this.contentOf(record), district, year);
  }

  private async detailOf(record: TemplateVersionRecord): Promise<TemplateVersionDetail> {
    const usage = (await this.store.usage()).get(record.version) ?? 0;
    return { ...summaryOf(record, usage), ministry: record.ministry, content: await this.contentOf(record) };
  }
}

function summaryOf(record: TemplateVersionRecord, usage: number): TemplateVersionSummary {
  return {
    version: record.version,
    label: record.label,
    state: record.state,
    basedOn: record.basedOn,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
    sha256: record.sha256,
    usage,
  };
}
