import { TextSelection, type Command } from '@tiptap/pm/state';
import { newEntryId } from '../../../../shared/editor/ids.js';
import { NODE } from '../../../../shared/editor/nodes.js';
import type { MeasureType } from '../../../../shared/measureTypes.js';
import { selectNearestEntry } from './entries.js';
import { findGroup, findList, presentMeasureTypes } from './locate.js';

/**
 * Adds a Maßnahmenart group in the programme's official order, with one empty project in which
 * the cursor lands: whoever adds a Maßnahmenart wants to name a project next.
 */
export function addMeasureGroup(measureType: MeasureType, makeId: () => string = newEntryId): Command {
  return (state, dispatch) => {
    const list = findList(state.doc);
    if (!list || presentMeasureTypes(state.doc).includes(measureType)) return false;
    const entry = state.schema.nodes[NODE.projectEntry]?.create({ id: makeId() });
    const group = entry && state.schema.nodes[NODE.measureGroup]?.create({ measureType }, entry);
    if (!group) return false;
    if (dispatch) {
      let insertAt = list.listPos + 1 + list.list.content.size;
      let found = false;
      list.list.forEach((existing, offset) => {
        const existingType: unknown = existing.attrs.measureType;
        if (!found && typeof existingType === 'number' && existingType > measureType) {
          insertAt = list.listPos + 1 + offset;
          found = true;
        }
      });
      const tr = state.tr.insert(insertAt, group);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, insertAt + 2)).scrollIntoView());
    }
    return true;
  };
}

/** Removes the group that starts at `groupPos` with all its projects. */
export function removeMeasureGroupAt(groupPos: number): Command {
  return (state, dispatch) => {
    const group = state.doc.nodeAt(groupPos);
    if (!group || group.type.name !== NODE.measureGroup) return false;
    if (dispatch) {
      const tr = state.tr.delete(groupPos, groupPos + group.nodeSize);
      dispatch(selectNearestEntry(tr, groupPos).scrollIntoView());
    }
    return true;
  };
}

/** Removes the group that holds the cursor. */
export const removeMeasureGroup: Command = (state, dispatch) => {
  const group = findGroup(state);
  return group ? removeMeasureGroupAt(group.groupPos)(state, dispatch) : false;
};
