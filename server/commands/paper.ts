import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api.js';
import { renderAgreementText } from '../../shared/agreementText.js';
import { findDistrict, grantingAuthorityOf, partnerFormsOf } from '../../shared/districts.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import { newEntryId } from '../../shared/editor/ids.js';
import type { AgreementFields, SignatoryBlock } from '../../shared/fields.js';
import { parsePastedProjectList } from '../../shared/paper/projectListText.js';
import type { PaperAgreementResponse, PaperSignatoryInput } from '../../shared/paper/types.js';
import { checkPaperAgreement } from '../../shared/paper/validate.js';
import { ROOT } from '../../shared/protocol.js';
import { districtLabel } from '../../shared/rounds/validate.js';
import { normaliseCanonicalText, unsignedFields } from '../../shared/signoff.js';
import type { TemplateRegistry } from '../templates/registry.js';
import { seedAgreementDoc } from '../documents/agreementDoc.js';
import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import { pdfProblem } from '../pdf/validate.js';
import { decidePaper } from '../policies/paper.js';
import type { PaperSignature, PaperStore } from '../store/types.js';
import { AgreementExists } from '../store/rounds.js';
import type { AgreementRecord } from '../store/types.js';
import { agreementId } from './agreements.js';
import { sha256Hex } from './signoff.js';

/** An agreement signed on paper, checked: what the demo seeds directly and the route after its checks. */
export interface PaperAgreement {
  districtId: string;
  year: number;
  templateVersion: string;
  fields: AgreementFields;
  projects: ProjectListModel;
  scan: { filename: string; data: Uint8Array } | null;
}

export interface PaperDeps {
  paper: PaperStore;
  /** The published template versions: a paper agreement pins one of them. */
  templates: TemplateRegistry;
  log: Logger;
  /** Told about the agreement created (the board's event stream). */
  onCreated?: (agreementId: string) => void;
  now?: () => number;
}

const block = (input: PaperSignatoryInput): SignatoryBlock => ({ place: input.place, date: input.date, signatureMark: input.mark, name: input.name, functionLines: input.functionLines });

/** A file name safe to store and to send back in Content-Disposition (as the scan upload does). */
function cleanFilename(raw: string): string {
  const name = raw.replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim().slice(0, 120);
  return name === '' ? 'scan.pdf' : name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

/**
 * Agreements of an earlier year that exist only on paper (issue 10, point 6). The ministry's
 * editor types in what the paper says; the agreement is final from the start, its two signatures
 * are recorded as from paper (never as electronic ones), and its §5 is what next year's round
 * carries over. Its text is rendered by the one renderer like every other agreement, so a
 * transcription of a published agreement reads word for word like the original.
 */
export class PaperService {
  private readonly now: () => number;

  constructor(private readonly deps: PaperDeps) {
    this.now = deps.now ?? Date.now;
  }

  async recordRequest(user: SessionUser, body: unknown): Promise<PaperAgreementResponse> {
    const decision = decidePaper(user);
    if (!decision.ok) fail(403, decision.message, decision.reason);
    const checked = checkPaperAgreement(body, await this.deps.templates.published());
    if (!checked.ok) fail(400, checked.message, `invalid paper agreement at ${checked.field}`);
    const request = checked.value;
    const district = findDistrict(request.districtId);
    const list = parsePastedProjectList(request.projectList);
    if (!district || !list.ok) fail(400, 'Die Angaben sind unvollständig.', 'checked request lost its district or list');
    const data = new Uint8Array(Buffer.from(request.scan.base64, 'base64'));
    const problem = pdfProblem(data);
    if (problem) fail(415, 'Der Scan ist kein gültiges PDF. Bitte hängen Sie die unterschriebene Vereinbarung als PDF an.', `paper scan refused: ${problem}`);
    const id = await this.record(user.username, {
      districtId: district.id,
      year: request.year,
      templateVersion: request.templateVersion,
      fields: {
        year: request.year,
        amountCents: request.amountCents,
        grantingAuthority: grantingAuthorityOf(district),
        partner: partnerFormsOf(district),
        ministrySignatory: block(request.ministrySignatory),
        districtSignatory: block(request.districtSignatory),
      },
      projects: list.groups.map((group) => ({ measureType: group.measureType, entries: group.titles.map((title) => ({ id: newEntryId(), title })) })),
      scan: { filename: cleanFilename(request.scan.filename), data },
    });
    return { id, projects: list.projects };
  }

  /** Records a checked paper agreement in one transaction; `actor` is who transcribed it. */
  async record(actor: string, paper: PaperAgreement): Promise<string> {
    const at = this.now();
    const id = agreementId(paper.districtId, paper.year);
    const template = await this.deps.templates.find(paper.templateVersion);
    if (!template) fail(400, `Vorlage: Unbekannte Vorlagenversion „${paper.templateVersion}".`, `paper agreement with unpublished template ${paper.templateVersion}`);
    // Both signatures cover the text with empty signature blocks, as an electronic release does.
    const text = normaliseCanonicalText(renderAgreementText(template, unsignedFields(paper.fields), paper.projects));
    const hash = sha256Hex(text);
    const signatures: PaperSignature[] = [
      { party: 'ministry', role: 'ministry-signatory', name: paper.fields.ministrySignatory.name, place: paper.fields.ministrySignatory.place, date: paper.fields.ministrySignatory.date },
      { party: 'district', role: 'district-signatory', name: paper.fields.districtSignatory.name, place: paper.fields.districtSignatory.place, date: paper.fields.districtSignatory.date },
    ];
    const doc = seedAgreementDoc(paper.fields, paper.projects, 'final');
    let initialUpdate: Uint8Array;
    try {
      doc.transact(() => {
        doc.getMap<unknown>(ROOT.agreement).set('hash', hash);
        doc.getMap<unknown>(ROOT.agreement).set('paper', true);
        const live = doc.getMap<unknown>(ROOT.signatures);
        for (const s of signatures) live.set(s.party, { ...s, username: actor, hash, signedAt: at, paper: true });
      });
      initialUpdate = Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
    const record: AgreementRecord = { id, districtId: paper.districtId, year: paper.year, templateVersion: paper.templateVersion, status: 'final', fields: paper.fields, createdAt: at, updatedAt: at };
    const scan = paper.scan && { ...paper.scan, sha256: sha256Hex(paper.scan.data) };
    try {
      await this.deps.paper.record({ agreement: { record, initialUpdate }, text, hash, signatures, scan, recordedBy: actor, at });
    } catch (error: unknown) {
      if (error instanceof AgreementExists) {
        const district = findDistrict(error.districtId);
        fail(409, `Für ${district ? districtLabel(district) : error.districtId} gibt es für ${error.year} schon eine Zielvereinbarung.`, error.message);
      }
      throw error;
    }
    this.deps.log.info('paper-agreement-recorded', { agreement: id, user: actor, scanBytes: scan?.data.byteLength ?? 0 });
    this.deps.onCreated?.(id);
    return id;
  }
}
