import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { isMeasureType, type MeasureType } from '../../../../shared/measureTypes.js';
import { NODE } from '../../../../shared/editor/nodes.js';

/**
 * Where the selection sits in the §5 structure: doc › projectList (depth 1) › measureGroup (2) ›
 * projectEntry (3). Positions are those of the node's start ("before") in the current document.
 */
export interface ListLocation {
  listPos: number;
  list: PMNode;
}

export interface GroupLocation extends ListLocation {
  groupPos: number;
  group: PMNode;
  groupIndex: number;
  measureType: MeasureType;
}

export interface EntryLocation extends GroupLocation {
  entryPos: number;
  entry: PMNode;
  entryIndex: number;
}

export function findList(doc: PMNode): ListLocation | null {
  let found: ListLocation | null = null;
  doc.forEach((node, offset) => {
    if (found === null && node.type.name === NODE.projectList) found = { listPos: offset, list: node };
  });
  return found;
}

function groupAt($pos: ResolvedPos): GroupLocation | null {
  if ($pos.depth < 2 || $pos.node(1).type.name !== NODE.projectList || $pos.node(2).type.name !== NODE.measureGroup) return null;
  const measureType: unknown = $pos.node(2).attrs.measureType;
  if (!isMeasureType(measureType)) return null;
  return {
    listPos: $pos.before(1),
    list: $pos.node(1),
    groupPos: $pos.before(2),
    group: $pos.node(2),
    groupIndex: $pos.index(1),
    measureType,
  };
}

/** The Maßnahmenart group that holds the selection's start, if any. */
export function findGroup(state: EditorState): GroupLocation | null {
  return groupAt(state.selection.$from);
}

/** The project entry that holds the selection's start, if any. */
export function findEntry(state: EditorState): EntryLocation | null {
  const $from = state.selection.$from;
  const group = groupAt($from);
  if (!group || $from.depth < 3 || $from.node(3).type.name !== NODE.projectEntry) return null;
  return { ...group, entryPos: $from.before(3), entry: $from.node(3), entryIndex: $from.index(2) };
}

/** The Maßnahmenarten present in the list, in document order. */
export function presentMeasureTypes(doc: PMNode): MeasureType[] {
  const list = findList(doc);
  if (!list) return [];
  const types: MeasureType[] = [];
  list.list.forEach((group) => {
    const measureType: unknown = group.attrs.measureType;
    if (isMeasureType(measureType)) types.push(measureType);
  });
  return types;
}
