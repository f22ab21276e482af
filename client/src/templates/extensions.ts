import { Extension, type AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { Placeholder, TemplatePiece, TemplateSection, templateSchemaExtensions } from '../../../shared/template/editorNodes.js';
import { TEMPLATE_FRAGMENT } from '../../../shared/template/model.js';
import { pieceView, placeholderView, sectionView } from './nodeViews.js';
import { PLACEHOLDER_MENU_SHORTCUT } from './PlaceholderMenu.js';
import { SectionGuard } from './sectionGuard.js';

/** The draft's live document, when the editor writes together with others. */
export interface TemplateCollaboration {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: { name: string; color: string };
}

/** Strg+Alt+P in the text opens „Platzhalter einfügen" (the toolbar shows the same shortcut). */
const PlaceholderMenuShortcut = Extension.create<{ onOpen: () => void }>({
  name: 'placeholderMenuShortcut',
  addOptions: () => ({ onOpen: () => undefined }),
  addKeyboardShortcuts() {
    return {
      [PLACEHOLDER_MENU_SHORTCUT]: () => {
        this.options.onOpen();
        return true;
      },
    };
  },
});

/**
 * The shared template schema with this client's node views (sections named, pieces set as in
 * print, placeholders as chips) and, for a draft, collaboration on its room; a published version
 * is read alone, from its stored document.
 */
export function templateEditorExtensions(collaboration: TemplateCollaboration | null, onOpenPlaceholders: () => void): AnyExtension[] {
  const replaced: Record<string, AnyExtension> = {
    [TemplateSection.name]: TemplateSection.extend({ addNodeView: () => sectionView }),
    [TemplatePiece.name]: TemplatePiece.extend({ addNodeView: () => pieceView }),
    [Placeholder.name]: Placeholder.extend({ addNodeView: () => placeholderView }),
  };
  const schema = [...templateSchemaExtensions.map((extension) => replaced[extension.name] ?? extension), SectionGuard];
  if (!collaboration) return schema;
  return [
    ...schema,
    PlaceholderMenuShortcut.configure({ onOpen: onOpenPlaceholders }),
    // Collaboration brings y-undo: undo and redo reach only this user's own changes.
    Collaboration.configure({ document: collaboration.ydoc, field: TEMPLATE_FRAGMENT }),
    CollaborationCaret.configure({ provider: collaboration.provider, user: collaboration.user }),
  ];
}
