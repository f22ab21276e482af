import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type {
  AgreementPermissions,
  AgreementStatus,
  HistoryEvent,
  ReleaseInfo,
  ScanInfo,
  SessionUser,
  SignatureInfo,
  SigningParty,
} from '../../shared/api.js';
import { renderAgreementText } from '../../shared/agreementText.js';
import { agreementTitle } from '../../shared/agreementTitle.js';
import { findDistrict } from '../../shared/districts.js';
import type { AgreementFields } from '../../shared/fields.js';
import { ROOT } from '../../shared/protocol.js';
import { berlinIsoDate } from '../../shared/format.js';
import { normaliseCanonicalText, normaliseTypedText, placeProblem, reasonProblem, signatoryKey, signatureMarkOf, unsignedFields } from '../../shared/signoff.js';
import { fieldsAsSigned, signedParties } from '../../shared/signedBlocks.js';
import type { SignRequest } from '../../shared/schemas/signoff.js';
import { VERSION_LABELS, type VersionKind } from '../../shared/history/types.js';
import { getTemplate } from '../../shared/template/index.js';
import type { Credentials } from '../auth/credentials.js';
import { readProjectList, writeFields } from '../documents/agreementDoc.js';
import type { AgreementPeer } from '../documents/peer.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { renderAgreementPdf } from '../pdf/agreementPdf.js';
import { pdfContentDisposition } from '../pdf/fileName.js';
import { decide, may, signingPartyOf, type Decision, type ReleaseBlockers, type SignoffState } from '../policies/signoff.js';
import type { EventFacts, Notifier } from '../notifications/notifier.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { AgreementRecord, SignoffStore, StateChange, Store } from '../store/types.js';
import type { RoomRegistry } from '../sync/registry.js';
import type { AgreementService } from './agreements.js';

export type SignoffPermissions = Pick<AgreementPermissions, 'release' | 'reopen' | 'sign' | 'uploadScan'>;

/** The sign-off part of GET /api/agreements/:id. */
export interface SignoffView {
  signatures: SignatureInfo[];
  release: ReleaseInfo | null;
  scans: ScanInfo[];
  permissions: SignoffPermissions;
}

export interface SignoffDeps {
  store: Store;
  signoff: SignoffStore;
  agreements: AgreementService;
  rooms: RoomRegistry<AgreementPeer>;
  log: Logger;
  /**
   * Open comment threads of an agreement: a release waits until they are resolved. The comments
   * feature plugs in here; without it there are none.
   */
  openThreadCount?: (agreementId: string) => Promise<number>;
  /** Release, signatures and reopening become notifications, recorded with the change (server/notifications/). */
  notifier?: Notifier;
  /** The password check that signing asks for again (lockout and hashing cap shared with login). */
  credentials: Credentials;
  now?: () => number;
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The state the machine decides on, as the live document (the room's shadow) holds it. */
function liveState(doc: Y.Doc, districtId: string): SignoffState & { hash: string | null } {
  const agreement = doc.getMap<unknown>(ROOT.agreement);
  const status = agreement.get('status') as AgreementStatus;
  const hash = agreement.get('hash');
  const signed = [...doc.getMap<unknown>(ROOT.signatures).keys()].filter((key): key is SigningParty => key === 'ministry' || key === 'district');
  return { districtId, status, signed, hash: typeof hash === 'string' ? hash : null };
}

function liveFields(doc: Y.Doc, fallback: AgreementFields): AgreementFields {
  return { ...fallback, ...(doc.getMap<unknown>(ROOT.fields).toJSON() as Partial<AgreementFields>) };
}

function enforce(decision: Decision): asserts decision is Extract<Decision, { ok: true }> {
  if (!decision.ok) fail(decision.status, decision.message, decision.reason);
}

/**
 * Release, reopening, signing and signed scans. Each command decides with the pure state machine
 * (server/policies/signoff.ts) on the state of the live document, inside the room's server change,
 * so that two commands at once cannot both pass; the store then records status, fields, the
 * document update and the event in one transaction before anyone sees the change.
 */
export class SignoffService {
  private readonly now: () => number;
  private readonly openThreadCount: (agreementId: string) => Promise<number>;
  private readonly notifier: Notifier | null;

  constructor(private readonly deps: SignoffDeps) {
    this.now = deps.now ?? Date.now;
    this.openThreadCount = deps.openThreadCount ?? (async () => 0);
    this.notifier = deps.notifier ?? null;
  }

  async view(user: SessionUser, record: AgreementRecord): Promise<SignoffView> {
    const release = record.status === 'draft' ? undefined : await this.deps.signoff.latestRelease(record.id);
    const signatures = release ? await this.deps.signoff.signatures(release.id) : [];
    const state: SignoffState = { districtId: record.districtId, status: record.status, signed: signatures.map((s) => s.party) };
    return {
      signatures,
      release: release ? { hash: release.hash, releasedAt: release.releasedAt, releasedBy: release.releasedBy } : null,
      scans: await this.deps.signoff.scans(record.id),
      permissions: {
        release: may(user, 'release', state),
        reopen: may(user, 'reopen', state),
        sign: may(user, 'sign', state),
        uploadScan: may(user, 'uploadScan', state),
      },
    };
  }

  async release(user: SessionUser, id: string): Promise<void> {
    const record = await this.deps.agreements.readable(user, id);
    enforce(decide(user, 'release', { districtId: record.districtId, status: record.status, signed: [] }));
    const openThreads = await this.openThreadCount(id);
    const template = getTemplate(record.templateVersion);
    await this.change(record, user, 'release', (doc) => {
      const groups = readProjectList(doc);
      const blockers: ReleaseBlockers = { projectCount: groups.reduce((n, g) => n + g.entries.filter((e) => e.title.trim() !== '').length, 0), openThreads };
      const decision = decide(user, 'release', liveState(doc, record.districtId), blockers);
      enforce(decision);
      // The text is frozen with empty signature blocks: both signatures then cover the same text.
      const fields = unsignedFields(liveFields(doc, record.fields));
      const text = normaliseCanonicalText(renderAgreementText(template, fields, groups));
      const hash = sha256Hex(text);
      writeFields(doc, fields);
      doc.getMap(ROOT.signatures).clear();
      const agreement = doc.getMap<unknown>(ROOT.agreement);
      agreement.set('status', decision.next);
      agreement.set('hash', hash);
      return {
        status: decision.next,
        fields,
        events: [{ kind: 'released', data: { hash } }],
        notify: [{ kind: 'sign-requested' }],
        keep: 'release',
        commit: async (change: StateChange) => {
          await this.deps.signoff.release(change, { hash, text });
        },
      };
    });
    this.deps.log.info('agreement-released', { agreement: id, user: user.username });
  }

  async reopen(user: SessionUser, id: string, reason: string): Promise<void> {
    const record = await this.deps.agreements.readable(user, id);
    const problem = reasonProblem(reason);
    if (problem) fail(400, problem, 'invalid reopen reason');
    await this.change(record, user, 'reopen', (doc) => {
      const state = liveState(doc, record.districtId);
      const decision = decide(user, 'reopen', state);
      enforce(decision);
      const fields = unsignedFields(liveFields(doc, record.fields));
      writeFields(doc, fields);
      doc.getMap(ROOT.signatures).clear();
      const agreement = doc.getMap<unknown>(ROOT.agreement);
      agreement.set('status', decision.next);
      agreement.delete('hash');
      const data: Record<string, string> = { reason: normaliseTypedText(reason) };
      if (state.signed.length > 0) data.voided = state.signed.join(',');
      return {
        status: decision.next,
        fields,
        events: [{ kind: 'reopened', data }],
        notify: [{ kind: 'reopened', reason: data.reason }],
        keep: 'reopen',
        commit: async (change: StateChange) => {
          await this.deps.signoff.reopen(change);
        },
      };
    });
    this.deps.log.info('agreement-reopened', { agreement: id, user: user.username });
  }

  async sign(user: SessionUser, id: string, request: SignRequest): Promise<void> {
    const record = await this.deps.agreements.readable(user, id);
    // Role and party first: nobody else's password is checked for a block they cannot sign.
    const early = decide(user, 'sign', { districtId: record.districtId, status: record.status, signed: [] });
    if (!early.ok && early.status === 403) enforce(early);
    const place = normaliseTypedText(request.place);
    const problem = placeProblem(place);
    if (problem) fail(400, problem, 'invalid place');
    if (!(await this.deps.credentials.confirm(user.username, request.password))) {
      this.deps.log.warn('sign-password-wrong', { agreement: id, user: user.username });
      fail(403, 'Das Passwort ist nicht richtig. Bitte geben Sie Ihr Anmeldepasswort ein.', 'wrong password when signing');
    }
    const release = await this.deps.signoff.latestRelease(id);
    await this.change(record, user, 'sign', (doc) => {
      const state = liveState(doc, record.districtId);
      const decision = decide(user, 'sign', state);
      enforce(decision);
      if (state.hash === null || !release || release.hash !== state.hash || request.hash !== state.hash) {
        fail(409, 'Der Text wurde seit dem Öffnen geändert oder neu freigegeben. Bitte laden Sie die Seite neu und prüfen Sie die aktuelle Fassung.', 'stale hash');
      }
      const party = signingPartyOf(user, record.districtId);
      if (party === null) fail(403, 'Sie sind nicht berechtigt, diese Vereinbarung zu unterzeichnen.', 'no party');
      const date = berlinIsoDate(this.now());
      const fields = liveFields(doc, record.fields);
      const key = signatoryKey(party);
      const next: AgreementFields = { ...fields, [key]: { ...fields[key], place, date, signatureMark: signatureMarkOf(state.hash) } };
      const signature = { party, username: user.username, name: user.displayName, role: user.role, place, date, hash: state.hash };
      writeFields(doc, next);
      doc.getMap(ROOT.signatures).set(party, { ...signature, signedAt: this.now() });
      doc.getMap<unknown>(ROOT.agreement).set('status', decision.next);
      const events: StateChange['events'] = [{ kind: 'signed', data: { party, name: user.displayName, place, date, hash: state.hash } }];
      if (decision.next === 'final') events.push({ kind: 'final', data: { hash: state.hash } });
      const notify: EventFacts[] = [{ kind: 'signed', party, partyLabel: user.partyLabel }];
      if (decision.next === 'final') notify.push({ kind: 'final' });
      return {
        status: decision.next,
        fields: next,
        events,
        notify,
        ...(decision.next === 'final' ? { keep: 'final' as const } : {}),
        commit: async (change: StateChange) => {
          await this.deps.signoff.sign(change, { ...signature, releaseId: release.id });
        },
      };
    });
    this.deps.log.info('agreement-signed', { agreement: id, user: user.username });
  }

  /** The exact text whose SHA-256 is the release's hash (UTF-8), for anyone who wants to check it. */
  async releasedText(user: SessionUser, id: string): Promise<string> {
    const record = await this.deps.agreements.readable(user, id);
    const release = record.status === 'draft' ? undefined : await this.deps.signoff.latestRelease(id);
    if (!release) fail(409, 'Die Vereinbarung ist ein Entwurf; es gibt noch keinen freigegebenen Text.', 'no release');
    return release.text;
  }

  async history(user: SessionUser, id: string): Promise<HistoryEvent[]> {
    await this.deps.agreements.readable(user, id);
    return this.deps.signoff.history(id);
  }

  async addScan(user: SessionUser, id: string, filename: string, data: Uint8Array): Promise<ScanInfo> {
    const record = await this.deps.agreements.readable(user, id);
    enforce(decide(user, 'uploadScan', { districtId: record.districtId, status: record.status, signed: [] }));
    const scan = await this.deps.signoff.addScan({ agreementId: id, filename, data, sha256: sha256Hex(data), uploadedBy: user.username, at: this.now() });
    this.deps.log.info('scan-uploaded', { agreement: id, user: user.username, bytes: data.byteLength });
    return scan;
  }

  async scan(user: SessionUser, id: string, scanId: number) {
    await this.deps.agreements.readable(user, id);
    const scan = await this.deps.signoff.scan(id, scanId);
    if (!scan) fail(404, 'Diesen Scan gibt es nicht.', `scan ${scanId} of ${id} not found`);
    return scan;
  }

  /**
   * The agreement as PDF: its committed text, signature blocks, and the release's record, with the
   * Content-Disposition that names it. `baseUrl` is the public address the record points readers to.
   */
  async pdf(user: SessionUser, id: string, baseUrl: string): Promise<{ bytes: Uint8Array; contentDisposition: string }> {
    const record = await this.deps.agreements.readable(user, id);
    const view = await this.view(user, record);
    const groups = await this.deps.rooms.use(id, (room) => readProjectList(room.doc));
    const bytes = await renderAgreementPdf({
      id,
      title: agreementTitle(record.year, record.fields.partner),
      template: getTemplate(record.templateVersion),
      // A block shows a mark and a date only when that party's signature exists.
      fields: fieldsAsSigned(record.fields, signedParties(record.status, view.signatures.map((s) => s.party))),
      groups,
      status: record.status,
      release: view.release,
      signatures: view.signatures,
      releasedTextUrl: `${baseUrl}/api/agreements/${encodeURIComponent(id)}/released-text`,
    });
    const contentDisposition = pdfContentDisposition({
      year: record.year,
      partnerName: findDistrict(record.districtId)?.name ?? record.fields.partner.dative.replace(/^(dem|der) /, ''),
      status: record.status,
      signatures: view.signatures,
      today: berlinIsoDate(this.now()),
    });
    return { bytes, contentDisposition };
  }

  /**
   * One sign-off command as a server change of the live document: `mutate` decides and writes on
   * the room's shadow (throwing refuses it), the store commits the result, and only then is it
   * applied and broadcast.
   */
  private async change(
    record: AgreementRecord,
    user: SessionUser,
    action: string,
    mutate: (
      doc: Y.Doc,
    ) => Omit<StateChange, 'agreementId' | 'update' | 'actor' | 'at' | 'notifications' | 'version'> & {
      notify?: EventFacts[];
      /** The version of the document to keep with the change (issue 12). */
      keep?: Exclude<VersionKind, 'named' | 'restore'>;
      commit: (change: StateChange) => Promise<void>;
    },
  ): Promise<void> {
    await this.deps.rooms.use(record.id, async (room) => {
      let prepared: ReturnType<typeof mutate> | null = null;
      let notifications: NotificationDraft[] = [];
      // The version kept with the change is the state before it merged with the change itself:
      // every update queued before this one is committed before it, so it is the committed state.
      let before: Uint8Array | null = null;
      await room.submitServerChange(
        (doc) => {
          before = Y.encodeStateAsUpdate(doc);
          prepared = mutate(doc);
        },
        async (update) => {
          const p = prepared;
          if (!p) throw new Error(`${action} of ${record.id} prepared nothing`);
          const at = this.now();
          const notifier = this.notifier;
          const drafts = notifier ? await Promise.all((p.notify ?? []).map((facts) => notifier.draft(record, user, facts, at))) : [];
          notifications = drafts.flat();
          const version = p.keep && before ? { kind: p.keep, name: VERSION_LABELS[p.keep], state: Y.mergeUpdates([before, update]) } : undefined;
          await p.commit({ agreementId: record.id, status: p.status, fields: p.fields, update, actor: user.username, at, events: p.events, notifications, ...(version ? { version } : {}) });
        },
      );
      this.notifier?.committed(notifications);
    });
  }
}
