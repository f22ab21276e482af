import type { Editor } from '@tiptap/core';
import { ToolButton } from './ToolButton.js';

/** Rückgängig / Wiederholen: with Collaboration they reach only this user's own changes (y-undo). */
export function UndoRedoButtons({ editor, canUndo, canRedo }: { editor: Editor; canUndo: boolean; canRedo: boolean }) {
  return (
    <div className="toolbar-group">
      <ToolButton label="Rückgängig" shortcut="Mod-z" enabled={canUndo} onActivate={() => editor.commands.undo()}>
        <span aria-hidden="true">↶</span>
      </ToolButton>
      <ToolButton label="Wiederholen" shortcut="Mod-Shift-z" enabled={canRedo} onActivate={() => editor.commands.redo()}>
        <span aria-hidden="true">↷</span>
      </ToolButton>
    </div>
  );
}
