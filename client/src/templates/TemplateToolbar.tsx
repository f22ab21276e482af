import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useId } from 'react';
import { isPieceKind } from '../../../shared/template/compile.js';
import { TEMPLATE_NODES } from '../../../shared/template/model.js';
import type { PlaceholderKey } from '../../../shared/template/placeholders.js';
import type { PieceKind } from '../../../shared/template/types.js';
import { ToolButton } from '../editor/ToolButton.js';
import { UndoRedoButtons } from '../editor/UndoRedoButtons.js';
import { PIECE_KIND_LABELS } from './pieceKinds.js';
import { PlaceholderMenu } from './PlaceholderMenu.js';

interface ToolbarState {
  kind: PieceKind | null;
  bold: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function toolbarState(editor: Editor): ToolbarState {
  const { $from } = editor.state.selection;
  let kind: PieceKind | null = null;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name === TEMPLATE_NODES.piece && isPieceKind(node.attrs.kind)) kind = node.attrs.kind;
  }
  return { kind, bold: editor.isActive(TEMPLATE_NODES.bold), canUndo: editor.can().undo(), canRedo: editor.can().redo() };
}

const sameState = (a: ToolbarState, b: ToolbarState | null) => b !== null && a.kind === b.kind && a.bold === b.bold && a.canUndo === b.canUndo && a.canRedo === b.canRedo;

/** The caret opens a sentence: at the start of a piece or after „.", „!", „?" or „:" and a space. */
export function atSentenceStart(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  return /(^|[.!?:]\s+)$/.test($from.parent.textBetween(0, $from.parentOffset, '\n', '\ufffc'));
}

/**
 * The text takes the keyboard at once, then the commands run. TipTap's own `focus()` moves the
 * focus only at the next animation frame; a key pressed before it (the first letter after
 * choosing a placeholder with Enter) went to the page and was lost.
 */
function focusedChain(editor: Editor) {
  editor.view.focus();
  return editor.chain();
}

/**
 * Inserts a placeholder chip at the caret (replacing a selection) and goes on writing after it.
 * At a sentence's start it prints capitalised („Der Landkreis Fulda …"), as the 2024 text does.
 */
export function insertPlaceholder(editor: Editor, key: PlaceholderKey): void {
  focusedChain(editor).insertContent({ type: TEMPLATE_NODES.placeholder, attrs: { key, upper: atSentenceStart(editor) } }).run();
}

/** Piece kind, bold, placeholders, undo: what the printed agreement's text needs, nothing more. */
export function TemplateToolbar({ editor, menuOpen, onMenuOpen }: { editor: Editor; menuOpen: boolean; onMenuOpen: (open: boolean) => void }) {
  const id = useId();
  const state = useEditorState({ editor, selector: ({ editor: current }) => toolbarState(current), equalityFn: sameState });
  return (
    <div className="toolbar" role="toolbar" aria-label="Vorlagentext bearbeiten">
      <div className="toolbar-group">
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          Absatzart
        </label>
        <select
          id={`${id}-kind`}
          className="piece-kind-select"
          value={state.kind ?? ''}
          disabled={state.kind === null}
          onChange={(event) => {
            if (isPieceKind(event.target.value)) focusedChain(editor).updateAttributes(TEMPLATE_NODES.piece, { kind: event.target.value }).run();
          }}
        >
          {state.kind === null && <option value="">Absatzart</option>}
          {Object.entries(PIECE_KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <ToolButton label="Fett" shortcut="Mod-b" enabled pressed={state.bold} onActivate={() => focusedChain(editor).toggleMark(TEMPLATE_NODES.bold).run()}>
          <strong aria-hidden="true">F</strong>
        </ToolButton>
      </div>
      <div className="toolbar-group">
        <PlaceholderMenu
          open={menuOpen}
          enabled
          onOpenChange={onMenuOpen}
          onChoose={(key) => insertPlaceholder(editor, key)}
          onDismiss={() => editor.view.focus()}
        />
      </div>
      <UndoRedoButtons editor={editor} canUndo={state.canUndo} canRedo={state.canRedo} />
    </div>
  );
}
