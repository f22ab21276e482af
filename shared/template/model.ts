import type { BlockId, Ministry, PieceKind } from './types.js';

/**
 * Templates as data (DESIGN.md, "Templates are data"): the contract between the template store,
 * the collaboration server, the renderer and the template editor. A version's text is a
 * ProseMirror/TipTap document with the node names below; the same document is what a draft's
 * Y.XmlFragment holds while ministry editors write it together.
 *
 * Document shape (JSON as ProseMirror's `Node.toJSON()` writes it):
 *
 *   { type: 'templateDoc', content: [ templateSection × BLOCK_IDS.length, in BLOCK_IDS order ] }
 *   templateSection  attrs { blockId: BlockId }            content: templatePiece+
 *   templatePiece    attrs { kind: PieceKind }             content: inline*
 *   inline           text (marks: [{ type: 'bold' }] only) | hardBreak | placeholder
 *   placeholder      attrs { key: PlaceholderKey, upper: boolean }   (atom, inline)
 *
 * A placeholder is a node, never text that looks like one; `upper` capitalises its first letter
 * (a sentence that starts with "Der Landkreis …").
 */
export const TEMPLATE_NODES = {
  doc: 'templateDoc',
  section: 'templateSection',
  piece: 'templatePiece',
  placeholder: 'placeholder',
  hardBreak: 'hardBreak',
  bold: 'bold',
} as const;

/** The name of the Y.XmlFragment that holds a template draft's document. */
export const TEMPLATE_FRAGMENT = 'template';

/**
 * The Y.Map beside the fragment that holds the version's state (`state`: 'draft' | 'published'),
 * written only by the server: publishing sets it, so every open editor learns it at once.
 */
export const TEMPLATE_STATE_ROOT = 'version';

/** The JSON of a template document (ProseMirror `toJSON()` shape, narrowed). */
export interface TemplateNodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TemplateNodeJSON[];
  text?: string;
  marks?: { type: string }[];
}

export type TemplateVersionState = 'draft' | 'published';

/** One template version as `GET /api/templates/:version` returns it. */
export interface TemplateVersionDetail {
  /** "aqb-2024", "aqb-2025", "aqb-2026-entwurf-1": stable id, used by agreements and rounds. */
  version: string;
  /** The ministry's name for the version ("AQB 2025"). */
  label: string;
  state: TemplateVersionState;
  /** The version this one was copied from, or null for the first. */
  basedOn: string | null;
  /** The ministry's names as this version prints them (fields of the version). */
  ministry: Ministry;
  /** The document; for a draft, the state of its live document when it was read. */
  content: TemplateNodeJSON;
  createdAt: number;
  createdBy: string;
  publishedAt: number | null;
  publishedBy: string | null;
  /** SHA-256 (hex) of the canonical form, set when published. */
  sha256: string | null;
  /** How many agreements (electronic and paper) pin this version. */
  usage: number;
}

export type TemplateVersionSummary = Omit<TemplateVersionDetail, 'content' | 'ministry'>;

export type { BlockId, Ministry, PieceKind };

/** `POST /api/templates`: a new draft copied from `from`. */
export interface NewTemplateDraftRequest {
  from: string;
  /** 3–64 characters of a–z, 0–9 and "-", e.g. "aqb-2026". */
  version: string;
  label: string;
}

/** `PATCH /api/templates/:version` (drafts only). */
export interface TemplateDraftChange {
  label?: string;
  ministry?: Ministry;
}

/** `POST /api/templates/:version/publish` refused (409): the German problems, one per line. */
export interface TemplatePublishRefusal {
  error: string;
  problems: string[];
}

/** `GET /api/templates/:a/compare/:b`; `BlockDiff` is shared/template/diff.ts. */
export interface TemplateComparison<Block = unknown> {
  a: string;
  b: string;
  blocks: Block[];
}
