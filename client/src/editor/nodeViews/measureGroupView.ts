import type { Editor, NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { isMeasureType, MEASURE_TYPES } from '../../../../shared/measureTypes.js';
import { addProjectToGroup } from '../commands/entries.js';
import { runCommand } from '../runCommand.js';

const headingText = (node: PMNode) => {
  const measureType: unknown = node.attrs.measureType;
  return isMeasureType(measureType) ? MEASURE_TYPES[measureType] : '';
};

function emptyPlaceholder(editor: Editor, getPos: () => number | undefined): HTMLElement {
  const element = document.createElement('div');
  element.className = 'group-empty';
  element.contentEditable = 'false';
  const text = document.createElement('span');
  text.textContent = 'Noch keine Projekte – „Projekt hinzufügen“';
  element.append(text);
  if (editor.isEditable) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'group-empty-add';
    button.textContent = 'Projekt hinzufügen';
    button.addEventListener('click', () => {
      const pos = getPos();
      if (pos !== undefined && runCommand(editor, addProjectToGroup(pos))) editor.view.focus();
    });
    element.append(button);
  }
  return element;
}

/**
 * A Maßnahmenart: its official heading (not editable, not in the document's text content) and
 * its projects as a bulleted list. An empty group says so quietly instead of showing nothing.
 */
export const measureGroupView: NodeViewRenderer = ({ node, editor, getPos }) => {
  const dom = document.createElement('section');
  dom.className = 'measure-group';
  const heading = document.createElement('h4');
  heading.className = 'measure-heading';
  heading.contentEditable = 'false';
  heading.title = 'Offizielle Bezeichnung der Maßnahmenart – nicht änderbar';
  const contentDOM = document.createElement('ul');
  contentDOM.className = 'project-entries';
  const placeholder = emptyPlaceholder(editor, getPos);
  dom.append(heading, contentDOM, placeholder);

  let current = node;
  const render = () => {
    heading.textContent = headingText(current);
    dom.dataset.measureType = String(current.attrs.measureType);
    placeholder.hidden = current.childCount > 0;
  };
  render();

  return {
    dom,
    contentDOM,
    update(updated) {
      if (updated.type !== current.type) return false;
      current = updated;
      render();
      return true;
    },
    // Our own changes to heading and placeholder are not document changes.
    ignoreMutation: (mutation) => mutation.type !== 'selection' && !contentDOM.contains(mutation.target),
    stopEvent: (event) => event.target instanceof Node && placeholder.contains(event.target),
  };
};
