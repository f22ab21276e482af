import type { NodeViewRenderer } from '@tiptap/core';
import { renderBlock } from '../../../../shared/agreementText.js';
import { isBlockId, type Template } from '../../../../shared/template/types.js';
import type { FieldsStore } from '../../collab/fields.js';
import { renderPiece } from './renderPieces.js';

export interface TemplateViewOptions {
  fields: FieldsStore | null;
  /** The agreement's pinned version, compiled (client/src/templates/templateCache.ts). */
  template: Template;
  /** Set for those who may change the §4 amount: shows the field control beside it. */
  onEditAmount: (() => void) | null;
}

export const LOCKED_HINT = 'Vorlagentext – nicht änderbar';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** A small padlock drawn as SVG: emoji fonts are not everywhere (and not in print). */
export function lockIcon(): SVGSVGElement {
  const icon = svg('svg', { class: 'lock-icon', viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true' });
  icon.append(
    svg('path', { d: 'M5 7V5a3 3 0 0 1 6 0v2', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6' }),
    svg('rect', { x: '3', y: '7', width: '10', height: '7.5', rx: '1.5', fill: 'currentColor' }),
  );
  return icon;
}

function amountButton(onEditAmount: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'field-edit';
  button.textContent = 'Betrag ändern';
  button.addEventListener('click', onEditAmount);
  return button;
}

/**
 * A locked block: its text is not in the document but rendered from the pinned version and the
 * fields, and rendered again whenever the server writes new field values.
 */
export function templateBlockView(options: TemplateViewOptions): NodeViewRenderer {
  return ({ node }) => {
    const blockId: unknown = node.attrs.blockId;
    const dom = document.createElement('div');
    dom.className = 'template-block';
    dom.contentEditable = 'false';
    dom.title = LOCKED_HINT;
    dom.dataset.block = String(blockId);

    const render = () => {
      if (!options.fields || !isBlockId(blockId)) return;
      const pieces = renderBlock(options.template, blockId, options.fields.get()).map(renderPiece);
      const amount = pieces.find((element) => element.classList.contains('piece-amount'));
      if (amount && options.onEditAmount) amount.append(amountButton(options.onEditAmount));
      dom.replaceChildren(lockIcon(), ...pieces);
    };
    render();
    const unsubscribe = options.fields?.subscribe(render);

    return {
      dom,
      // The block never changes with the document: blockId is fixed for its lifetime.
      update: (updated) => updated.type === node.type && updated.attrs.blockId === blockId,
      ignoreMutation: () => true,
      stopEvent: (event) => event.target instanceof HTMLElement && event.target.closest('button') !== null,
      destroy: () => unsubscribe?.(),
    };
  };
}
