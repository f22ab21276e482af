import { Node } from '@tiptap/core';
import { isBlockId } from '../template/types.js';
import { isMeasureType } from '../measureTypes.js';
import { isEntryId } from './ids.js';

/**
 * The agreement's schema, shared by the editor and the server (which validates incoming updates
 * against it and renders the text). No React and no DOM here: the client adds node views.
 */
export const NODE = {
  templateBlock: 'templateBlock',
  projectList: 'projectList',
  measureGroup: 'measureGroup',
  projectEntry: 'projectEntry',
  signatures: 'signatures',
} as const;

/** Longest title of a project entry, in characters. */
export const MAX_ENTRY_LENGTH = 500;

function fail(message: string): never {
  throw new RangeError(message);
}

/**
 * A locked block of the template. Its text is not in the document: the node only names the block,
 * and the text is rendered from the pinned template version and the agreement's fields.
 */
export const TemplateBlock = Node.create({
  name: NODE.templateBlock,
  group: 'agreementBlock',
  atom: true,
  selectable: false,
  draggable: false,
  addAttributes() {
    return {
      blockId: {
        default: 'title',
        validate: (value: unknown) => (isBlockId(value) ? undefined : fail(`unknown template block: ${String(value)}`)),
        renderHTML: (attrs) => ({ 'data-block': attrs.blockId as string }),
      },
    };
  },
  // No parse rules: pasted or dropped HTML can never become a locked block.
  parseHTML: () => [],
  renderHTML: ({ HTMLAttributes }) => ['div', { ...HTMLAttributes, class: 'template-block' }],
});

/** The two signature blocks; their values are fields written by the server. */
export const Signatures = Node.create({
  name: NODE.signatures,
  group: 'agreementBlock',
  atom: true,
  selectable: false,
  draggable: false,
  parseHTML: () => [],
  renderHTML: () => ['div', { class: 'signatures' }],
});

/** §5: the editable list of projects, grouped by Maßnahmenart. */
export const ProjectList = Node.create({
  name: NODE.projectList,
  group: 'agreementBlock',
  content: `${NODE.measureGroup}*`,
  isolating: true,
  selectable: false,
  draggable: false,
  parseHTML: () => [],
  renderHTML: () => ['div', { class: 'project-list' }, 0],
});

export const MeasureGroup = Node.create({
  name: NODE.measureGroup,
  content: `${NODE.projectEntry}*`,
  isolating: true,
  selectable: false,
  draggable: false,
  addAttributes() {
    return {
      measureType: {
        default: 3,
        validate: (value: unknown) => (isMeasureType(value) ? undefined : fail(`unknown Maßnahmenart: ${String(value)}`)),
        parseHTML: (element) => Number(element.getAttribute('data-measure-type')),
        renderHTML: (attrs) => ({ 'data-measure-type': String(attrs.measureType) }),
      },
    };
  },
  parseHTML: () => [{ tag: 'section[data-measure-type]', contentElement: 'ul' }],
  renderHTML: ({ HTMLAttributes }) => ['section', { ...HTMLAttributes, class: 'measure-group' }, ['ul', 0]],
});

export const ProjectEntry = Node.create({
  name: NODE.projectEntry,
  content: 'text*',
  marks: '',
  defining: true,
  draggable: false,
  addAttributes() {
    return {
      id: {
        default: null,
        keepOnSplit: false,
        validate: (value: unknown) => (value === null || isEntryId(value) ? undefined : fail(`invalid entry id: ${String(value)}`)),
        parseHTML: (element) => element.getAttribute('data-entry-id'),
        renderHTML: (attrs) => (attrs.id ? { 'data-entry-id': attrs.id as string } : {}),
      },
      /**
       * Lineage: the id of last year's entry this one was carried over from. Written by the server
       * when it creates a round; a client may neither set nor change it (shared/editor/lock.ts,
       * server/documents/bodyGuard.ts). Not kept on split and never read from pasted HTML, so a
       * split or a copy of an entry does not claim its history.
       */
      carriedFrom: {
        default: null,
        keepOnSplit: false,
        validate: (value: unknown) => (value === null || isEntryId(value) ? undefined : fail(`invalid lineage: ${String(value)}`)),
        parseHTML: () => null,
        renderHTML: (attrs) => (attrs.carriedFrom ? { 'data-carried-from': attrs.carriedFrom as string } : {}),
      },
    };
  },
  parseHTML: () => [{ tag: 'li' }, { tag: 'p' }],
  renderHTML: ({ HTMLAttributes }) => ['li', { ...HTMLAttributes, class: 'project-entry' }, 0],
});
