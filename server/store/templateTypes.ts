import type { TemplateNodeJSON, TemplateVersionState } from '../../shared/template/model.js';
import type { Ministry } from '../../shared/template/types.js';

/**
 * Who wrote a draft's update and the stored document of a version: the same shapes as the
 * agreements' `UpdateAuthor` and `StoredDocument` (./types.ts), declared here so that types.ts can
 * name this store without an import cycle.
 */
export interface TemplateUpdateAuthor {
  username: string;
  via: 'client' | 'server';
}

export interface StoredTemplateDocument {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: Uint8Array[];
  lastSeq: number;
}

/** One template version as stored (migrations/006-templates.ts). */
export interface TemplateVersionRecord {
  version: string;
  label: string;
  state: TemplateVersionState;
  basedOn: string | null;
  ministry: Ministry;
  /** The canonical document, set when published; a draft's text is its live document. */
  content: TemplateNodeJSON | null;
  sha256: string | null;
  createdBy: string;
  createdAt: number;
  publishedBy: string | null;
  publishedAt: number | null;
}

export interface NewTemplateDraft {
  version: string;
  label: string;
  basedOn: string | null;
  ministry: Ministry;
  createdBy: string;
  createdAt: number;
}

export interface TemplatePublication {
  /** The ministry names the hash covers; written with the content, so both are what was hashed. */
  ministry: Ministry;
  content: TemplateNodeJSON;
  sha256: string;
  publishedBy: string;
  publishedAt: number;
}

export interface PendingTemplateUpdate {
  version: string;
  update: Uint8Array;
  author: TemplateUpdateAuthor;
  at: number;
}

/** Thrown when a version id is taken. */
export class TemplateVersionExists extends Error {
  constructor(readonly version: string) {
    super(`template version ${version} exists`);
  }
}

/**
 * Template versions and the live documents of their drafts. A published row never changes
 * (the store's triggers refuse it); a draft's label and ministry names change until it is published.
 */
export interface TemplateStore {
  list(): Promise<TemplateVersionRecord[]>;
  get(version: string): Promise<TemplateVersionRecord | undefined>;
  /** Agreements (electronic and paper) per pinned version. */
  usage(): Promise<Map<string, number>>;
  /** Whether an agreement of the district pins the version. */
  usedByDistrict(version: string, districtId: string): Promise<boolean>;
  /** A new draft with its document's first update, in one transaction; throws TemplateVersionExists. */
  createDraft(draft: NewTemplateDraft, initialUpdate: Uint8Array): Promise<void>;
  /** A version published as it is created (the demo's built-in versions); throws TemplateVersionExists. */
  insertPublished(draft: NewTemplateDraft, publication: TemplatePublication): Promise<void>;
  /** Changes a draft's label or ministry names; false when it is no draft (any more). */
  updateDraft(version: string, change: { label?: string; ministry?: Ministry }): Promise<boolean>;
  /** The document update that marks it published and the publication, in one transaction. */
  publish(version: string, publication: TemplatePublication, update: PendingTemplateUpdate): Promise<void>;
  /** Removes a draft and its document; false when it is no draft or an agreement pins it. */
  deleteDraft(version: string): Promise<boolean>;
  loadDocument(version: string): Promise<StoredTemplateDocument>;
  loadClientOwners(version: string): Promise<Map<number, string>>;
  appendUpdates(updates: PendingTemplateUpdate[]): Promise<void>;
  writeSnapshot(version: string, state: Uint8Array): Promise<void>;
}
