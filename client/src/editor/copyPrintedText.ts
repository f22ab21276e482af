import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Copying locked text gives the text as printed. The template blocks and the signatures are atom
 * nodes drawn by node views: ProseMirror's own serializer finds no text in them and leaves the
 * clipboard empty. When a selection touches one of them, the selected DOM is turned into plain
 * text here (paragraphs, list items, no controls or carets), so it can be quoted in an e-mail.
 */
const LOCKED = '.template-block, .signatures';
const SKIP = '.lock-icon, .field-edit, .group-empty, .collaboration-carets__label, .collaboration-carets__caret, button, svg';
const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'LI', 'UL', 'SECTION', 'DIV']);

/** The printed text of a piece of the rendered document: paragraphs separated by a blank line. */
export function printedText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    // \s also takes the non-breaking space after „§": the copy says „§ 1" with a plain space.
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) {
      node.childNodes.forEach(walk);
      return;
    }
    if (node.matches(SKIP)) return;
    const block = BLOCK_TAGS.has(node.tagName) || node.classList.contains('letterhead-word') || node.classList.contains('letterhead-tagline');
    if (block) flush();
    if (node.tagName === 'LI') current += '- ';
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

export const CopyPrintedText = Extension.create({
  name: 'copyPrintedText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('copyPrintedText'),
        props: {
          handleDOMEvents: {
            copy: (view, event) => {
              const selection = view.dom.ownerDocument.getSelection();
              if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !event.clipboardData) return false;
              const range = selection.getRangeAt(0);
              const touchesLocked = Array.from(view.dom.querySelectorAll(LOCKED)).some((element) => range.intersectsNode(element));
              // Inside the §5 list alone, ProseMirror's own copy (with its HTML) is the right one.
              if (!touchesLocked) return false;
              const text = printedText(range.cloneContents());
              if (text === '') return false;
              event.clipboardData.setData('text/plain', text);
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
