import type { Editor } from '@tiptap/core';
import { MEASURE_TYPE_NUMBERS, MEASURE_TYPES, type MeasureType } from '../../../shared/measureTypes.js';
import { addProject, moveProject, removeProject } from './commands/entries.js';
import { findGroup, presentMeasureTypes } from './commands/locate.js';
import { canRun } from './runCommand.js';

/** What the toolbar offers right now, derived from the editor state after every transaction. */
export interface ToolbarState {
  canAddProject: boolean;
  canRemoveProject: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  missingMeasureTypes: MeasureType[];
  /** The group that holds the cursor: what "Maßnahmenart entfernen" would remove. */
  currentGroup: { pos: number; heading: string; entries: number } | null;
  canUndo: boolean;
  canRedo: boolean;
}

export function toolbarState(editor: Editor): ToolbarState {
  const present = presentMeasureTypes(editor.state.doc);
  const group = findGroup(editor.state);
  return {
    canAddProject: canRun(editor, addProject()),
    canRemoveProject: canRun(editor, removeProject),
    canMoveUp: canRun(editor, moveProject(-1)),
    canMoveDown: canRun(editor, moveProject(1)),
    missingMeasureTypes: MEASURE_TYPE_NUMBERS.filter((type) => !present.includes(type)),
    currentGroup: group && { pos: group.groupPos, heading: MEASURE_TYPES[group.measureType], entries: group.group.childCount },
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

export function sameToolbarState(a: ToolbarState, b: ToolbarState | null): boolean {
  return b !== null && JSON.stringify(a) === JSON.stringify(b);
}
