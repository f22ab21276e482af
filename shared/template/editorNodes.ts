import { getSchema, Mark, Node, type AnyExtension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import type { Schema } from '@tiptap/pm/model';
import { TEMPLATE_NODES } from './model.js';
import { isPieceKind } from './compile.js';
import { isPlaceholderKey } from './placeholders.js';
import { isBlockId } from './types.js';

/**
 * The template document's schema (shared/template/model.ts), used by the template editor in the
 * browser and by the server, which checks every update of a draft against it. No React, no DOM:
 * the client adds node views (placeholder chips) and menus.
 */

function fail(message: string): never {
  throw new RangeError(message);
}

export const TemplateDocument = Document.extend({ name: TEMPLATE_NODES.doc, content: `${TEMPLATE_NODES.section}+` });

/** One locked block of the agreement. Its `blockId` is fixed: sections are neither added, removed nor reordered. */
export const TemplateSection = Node.create({
  name: TEMPLATE_NODES.section,
  content: `${TEMPLATE_NODES.piece}+`,
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,
  addAttributes() {
    return {
      blockId: {
        default: 'title',
        validate: (value: unknown) => (isBlockId(value) ? undefined : fail(`unknown template block: ${String(value)}`)),
        parseHTML: (element) => element.getAttribute('data-block'),
        renderHTML: (attrs) => ({ 'data-block': attrs.blockId as string }),
      },
    };
  },
  // No parse rules: pasted HTML never becomes a section.
  parseHTML: () => [],
  renderHTML: ({ HTMLAttributes }) => ['section', { ...HTMLAttributes, class: 'template-section' }, 0],
});

/** A printed paragraph of a block; `kind` decides its look (heading, text, amount …). */
export const TemplatePiece = Node.create({
  name: TEMPLATE_NODES.piece,
  content: 'inline*',
  marks: TEMPLATE_NODES.bold,
  addAttributes() {
    return {
      kind: {
        default: 'text',
        validate: (value: unknown) => (isPieceKind(value) ? undefined : fail(`unknown piece kind: ${String(value)}`)),
        parseHTML: (element) => element.getAttribute('data-kind') ?? 'text',
        renderHTML: (attrs) => ({ 'data-kind': attrs.kind as string }),
      },
    };
  },
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: ({ HTMLAttributes }) => ['p', { ...HTMLAttributes, class: 'template-piece' }, 0],
});

/** A value filled in when the text is rendered (year, amount, the partner in a grammatical form …). */
export const Placeholder = Node.create({
  name: TEMPLATE_NODES.placeholder,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      key: {
        default: 'year',
        validate: (value: unknown) => (isPlaceholderKey(value) ? undefined : fail(`unknown placeholder: ${String(value)}`)),
        parseHTML: (element) => element.getAttribute('data-placeholder'),
        renderHTML: (attrs) => ({ 'data-placeholder': attrs.key as string }),
      },
      upper: {
        default: false,
        validate: (value: unknown) => (typeof value === 'boolean' ? undefined : fail('placeholder "upper" must be a boolean')),
        parseHTML: (element) => element.getAttribute('data-upper') === 'true',
        renderHTML: (attrs) => (attrs.upper === true ? { 'data-upper': 'true' } : {}),
      },
    };
  },
  // Copying a chip within the editor keeps it a chip; text that merely looks like one stays text.
  parseHTML: () => [{ tag: 'span[data-placeholder]', getAttrs: (element) => (isPlaceholderKey(element.getAttribute('data-placeholder')) ? null : false) }],
  renderHTML: ({ HTMLAttributes }) => ['span', { ...HTMLAttributes, class: 'placeholder' }],
  renderText: ({ node }) => `‹${String(node.attrs.key)}›`,
});

export const HardBreak = Node.create({
  name: TEMPLATE_NODES.hardBreak,
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML: () => [{ tag: 'br' }],
  renderHTML: () => ['br'],
  renderText: () => '\n',
  addKeyboardShortcuts() {
    return { 'Shift-Enter': () => this.editor.commands.insertContent({ type: this.name }) };
  },
});

export const Bold = Mark.create({
  name: TEMPLATE_NODES.bold,
  parseHTML: () => [{ tag: 'strong' }, { tag: 'b' }],
  renderHTML: () => ['strong', 0],
  addKeyboardShortcuts() {
    return { 'Mod-b': () => this.editor.commands.toggleMark(this.name) };
  },
});

/** The extensions that define the template schema. The client extends some with node views. */
export const templateSchemaExtensions: AnyExtension[] = [TemplateDocument, Text, TemplateSection, TemplatePiece, Placeholder, HardBreak, Bold];

let cached: Schema | null = null;

export function templateSchema(): Schema {
  cached ??= getSchema(templateSchemaExtensions);
  return cached;
}
