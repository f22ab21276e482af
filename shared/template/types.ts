import type { AgreementFields } from '../fields.js';

/** A run of text inside a template piece; `bold` is the only emphasis the printed agreement uses. */
export interface Run {
  text: string;
  bold?: boolean;
}

/**
 * One printed element of a locked block. `kind` decides its look; the plain-text rendering is the
 * runs' text with "\n" as line breaks.
 */
export type PieceKind =
  | 'letterhead'
  | 'title'
  | 'titleLine'
  | 'sectionNumber'
  | 'heading'
  | 'subheading'
  | 'text'
  | 'amount';

export interface Piece {
  kind: PieceKind;
  runs: Run[];
}

/** The ministry of a template version, in the forms the text needs. */
export interface Ministry {
  /** "Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales" */
  name: string;
  /** "HMSI" */
  abbreviation: string;
  /** "das Hessische Ministerium für …" */
  nominative: string;
  /** "des Hessischen Ministeriums für …" */
  genitive: string;
  /** "dem Hessischen Ministerium für …" */
  dative: string;
  /** Seat: the ministry signatory's default place. */
  seat: string;
}

/** The ids of the locked blocks in their fixed order around the §5 project list. */
export const BLOCKS_BEFORE_LIST = ['title', 'praeambel', 'p1', 'p2', 'p3', 'p4', 'p5intro'] as const;
export const BLOCKS_AFTER_LIST = ['p5closing', 'p6', 'p7'] as const;
export type BlockId = (typeof BLOCKS_BEFORE_LIST)[number] | (typeof BLOCKS_AFTER_LIST)[number];
export const BLOCK_IDS: readonly BlockId[] = [...BLOCKS_BEFORE_LIST, ...BLOCKS_AFTER_LIST];

export function isBlockId(value: unknown): value is BlockId {
  return typeof value === 'string' && (BLOCK_IDS as readonly string[]).includes(value);
}

/** A versioned, immutable template: the text of every locked block as a function of the fields. */
export interface Template {
  version: string;
  ministry: Ministry;
  blocks: Record<BlockId, (fields: AgreementFields, ministry: Ministry) => Piece[]>;
}
