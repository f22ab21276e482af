import type { Editor } from '@tiptap/core';
import type { Command } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import type { MeasureType } from '../../../shared/measureTypes.js';
import { addProject, moveProject, removeProject } from './commands/entries.js';
import { addMeasureGroup, removeMeasureGroupAt } from './commands/groups.js';
import { SHORTCUTS } from './extensions.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { MeasureTypeMenu } from './MeasureTypeMenu.js';
import { runCommand } from './runCommand.js';
import { ToolButton } from './ToolButton.js';
import { UndoRedoButtons } from './UndoRedoButtons.js';
import { sameToolbarState, toolbarState } from './toolbarState.js';

/** The §5 editing commands; every one also has a keyboard shortcut in the document. */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({ editor, selector: ({ editor: current }) => toolbarState(current), equalityFn: sameToolbarState });
  const run = (command: Command, focusDocument = false) => {
    if (runCommand(editor, command) && focusDocument) editor.view.focus();
  };
  // The group to remove, held while the in-app question is open (not `window.confirm`).
  const [removing, setRemoving] = useState<{ heading: string; entries: number } | null>(null);
  const removeGroup = () => {
    const group = state.currentGroup;
    if (!group) return;
    if (group.entries > 0) setRemoving({ heading: group.heading, entries: group.entries });
    else run(removeMeasureGroupAt(group.pos));
  };
  const confirmRemoveGroup = () => {
    // The position from the current state: others may have edited while the question was open.
    const group = state.currentGroup;
    setRemoving(null);
    if (group) run(removeMeasureGroupAt(group.pos));
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Projektliste bearbeiten (§ 5)">
        <div className="toolbar-group">
          <ToolButton label="Projekt hinzufügen" shortcut={SHORTCUTS.addProject} enabled={state.canAddProject} onActivate={() => run(addProject(), true)}>
            <span aria-hidden="true">+</span> Projekt
          </ToolButton>
          <ToolButton label="Projekt entfernen" shortcut={SHORTCUTS.removeProject} enabled={state.canRemoveProject} onActivate={() => run(removeProject)}>
            <span aria-hidden="true">−</span> Projekt
          </ToolButton>
          <ToolButton label="Nach oben" shortcut={SHORTCUTS.moveUp} enabled={state.canMoveUp} onActivate={() => run(moveProject(-1))}>
            <span aria-hidden="true">↑</span>
          </ToolButton>
          <ToolButton label="Nach unten" shortcut={SHORTCUTS.moveDown} enabled={state.canMoveDown} onActivate={() => run(moveProject(1))}>
            <span aria-hidden="true">↓</span>
          </ToolButton>
        </div>
        <div className="toolbar-group">
          <MeasureTypeMenu missing={state.missingMeasureTypes} onChoose={(type: MeasureType) => run(addMeasureGroup(type), true)} />
          <ToolButton label="Maßnahmenart entfernen" enabled={state.currentGroup !== null} onActivate={removeGroup}>
            <span aria-hidden="true">−</span> Maßnahmenart
          </ToolButton>
        </div>
        <UndoRedoButtons editor={editor} canUndo={state.canUndo} canRedo={state.canRedo} />
      </div>
      <ConfirmDialog
        open={removing !== null}
        title="Maßnahmenart entfernen?"
        confirmLabel="Entfernen"
        pendingLabel="Wird entfernt …"
        onConfirm={confirmRemoveGroup}
        onClose={() => setRemoving(null)}
      >
        <p className="dialog-hint">
          „{removing?.heading}“ wird mit {removing?.entries === 1 ? 'einem Projekt' : `${removing?.entries ?? 0} Projekten`} aus § 5 entfernt. Mit Strg+Z lässt es sich rückgängig machen.
        </p>
      </ConfirmDialog>
    </>
  );
}
