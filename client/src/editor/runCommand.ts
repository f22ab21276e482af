import type { Editor } from '@tiptap/core';
import type { Command } from '@tiptap/pm/state';

/** Runs a plain ProseMirror command on the editor's current state. */
export function runCommand(editor: Editor, command: Command): boolean {
  return command(editor.state, editor.view.dispatch, editor.view);
}

/** Whether the command would apply now (for the toolbar's enabled state). */
export function canRun(editor: Editor, command: Command): boolean {
  return command(editor.state, undefined, editor.view);
}
