import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Template } from '../../../shared/template/types.js';
import { EntryIds } from '../../../shared/editor/entryIds.js';
import { ProjectListLock } from '../../../shared/editor/lock.js';
import { MeasureGroup, ProjectEntry, Signatures, TemplateBlock } from '../../../shared/editor/nodes.js';
import { BODY_FIELD, schemaExtensions } from '../../../shared/editor/schema.js';
import type { FieldsStore } from '../collab/fields.js';
import { addProject, moveProject, removeProject, splitProject } from './commands/entries.js';
import { CopyPrintedText } from './copyPrintedText.js';
import { EmptyEntryHint } from './emptyEntryHint.js';
import { KeyboardFocus } from './keyboardFocus.js';
import { LockedInputHint } from './lockedInputHint.js';
import { measureGroupView } from './nodeViews/measureGroupView.js';
import { signaturesView } from './nodeViews/signaturesView.js';
import { templateBlockView, type TemplateViewOptions } from './nodeViews/templateBlockView.js';
import { runCommand } from './runCommand.js';

export interface EditorSetup {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  fields: FieldsStore;
  template: Template;
  user: { name: string; color: string };
  onEditAmount: (() => void) | null;
  /** Shows why typed or pasted text was refused (characters the PDF cannot print). */
  onRefusedInput: (message: string) => void;
  /** Says why a keystroke in locked template text did nothing. */
  onLockedInput: (message: string) => void;
}

/** Keyboard shortcuts of the project list; the toolbar shows the same ones (see toolbarActions). */
export const SHORTCUTS = {
  addProject: 'Mod-Enter',
  removeProject: 'Mod-Shift-Backspace',
  moveUp: 'Alt-ArrowUp',
  moveDown: 'Alt-ArrowDown',
} as const;

const ProjectEntryWithKeys = ProjectEntry.extend({
  addKeyboardShortcuts() {
    const editor = this.editor;
    return {
      Enter: () => runCommand(editor, splitProject()),
      [SHORTCUTS.addProject]: () => runCommand(editor, addProject()),
      [SHORTCUTS.removeProject]: () => runCommand(editor, removeProject),
      [SHORTCUTS.moveUp]: () => runCommand(editor, moveProject(-1)),
      [SHORTCUTS.moveDown]: () => runCommand(editor, moveProject(1)),
    };
  },
});

/** The shared schema with this client's node views, the lock, stable ids and collaboration. */
export function editorExtensions(setup: EditorSetup): AnyExtension[] {
  const templateOptions: TemplateViewOptions = {
    fields: setup.fields,
    template: setup.template,
    onEditAmount: setup.onEditAmount,
  };
  const replaced: Record<string, AnyExtension> = {
    [TemplateBlock.name]: TemplateBlock.extend({ addNodeView: () => templateBlockView(templateOptions) }),
    [Signatures.name]: Signatures.extend({ addNodeView: () => signaturesView(setup.fields, setup.ydoc) }),
    [MeasureGroup.name]: MeasureGroup.extend({ addNodeView: () => measureGroupView }),
    [ProjectEntry.name]: ProjectEntryWithKeys,
  };
  return [
    ...schemaExtensions.map((extension) => replaced[extension.name] ?? extension),
    LockedInputHint.configure({ onLocked: setup.onLockedInput }),
    ProjectListLock.configure({ onRefused: setup.onRefusedInput }),
    EntryIds,
    EmptyEntryHint,
    KeyboardFocus,
    CopyPrintedText,
    // Collaboration brings y-undo: undo and redo reach only this user's own changes.
    Collaboration.configure({ document: setup.ydoc, field: BODY_FIELD }),
    CollaborationCaret.configure({ provider: setup.provider, user: setup.user }),
  ];
}
