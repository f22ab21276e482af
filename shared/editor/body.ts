import type { JSONContent } from '@tiptap/core';
import { isMeasureType, type MeasureType } from '../measureTypes.js';
import { BLOCKS_AFTER_LIST, BLOCKS_BEFORE_LIST } from '../template/types.js';
import { NODE } from './nodes.js';

/** One project that a district funds, with the stable id that comments anchor to. */
export interface ProjectEntry {
  id: string;
  title: string;
  /**
   * The id of the entry of last year's agreement this one was carried over from (its lineage).
   * Written only by the server when it creates the entry; absent for entries added since.
   */
  carriedFrom?: string;
}

/** The projects of one Maßnahmenart, in the order the district chose. */
export interface MeasureGroup {
  measureType: MeasureType;
  entries: ProjectEntry[];
}

export type ProjectListModel = MeasureGroup[];

const templateBlock = (blockId: string): JSONContent => ({ type: NODE.templateBlock, attrs: { blockId } });

export function projectListJSON(groups: ProjectListModel): JSONContent {
  return {
    type: NODE.projectList,
    content: groups.map((group) => ({
      type: NODE.measureGroup,
      attrs: { measureType: group.measureType },
      content: group.entries.map((entry) => ({
        type: NODE.projectEntry,
        attrs: entry.carriedFrom ? { id: entry.id, carriedFrom: entry.carriedFrom } : { id: entry.id },
        ...(entry.title ? { content: [{ type: 'text', text: entry.title }] } : {}),
      })),
    })),
  };
}

/**
 * The whole body of a new agreement: the fixed sequence of locked blocks around the §5 list.
 * Only the server seeds it, once, when the agreement is created.
 */
export function agreementBodyJSON(groups: ProjectListModel): JSONContent {
  return {
    type: 'doc',
    content: [
      ...BLOCKS_BEFORE_LIST.map(templateBlock),
      projectListJSON(groups),
      ...BLOCKS_AFTER_LIST.map(templateBlock),
      { type: NODE.signatures },
    ],
  };
}

function textOf(node: JSONContent): string {
  return (node.content ?? []).map((child) => child.text ?? '').join('');
}

/** Reads the §5 list out of the body's JSON (as TipTap or y-prosemirror give it). */
export function projectListFromBody(body: JSONContent): ProjectListModel {
  const list = (body.content ?? []).find((node) => node.type === NODE.projectList);
  if (!list) return [];
  return (list.content ?? []).flatMap((group) => {
    const measureType: unknown = group.attrs?.measureType;
    if (group.type !== NODE.measureGroup || !isMeasureType(measureType)) return [];
    const entries = (group.content ?? [])
      .filter((entry) => entry.type === NODE.projectEntry)
      .map((entry): ProjectEntry => {
        const carriedFrom: unknown = entry.attrs?.carriedFrom;
        const model = { id: String(entry.attrs?.id ?? ''), title: textOf(entry) };
        return typeof carriedFrom === 'string' ? { ...model, carriedFrom } : model;
      });
    return [{ measureType, entries }];
  });
}
