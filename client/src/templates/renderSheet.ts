import { renderBlock } from '../../../shared/agreementText.js';
import type { AgreementFields } from '../../../shared/fields.js';
import { BLOCKS_AFTER_LIST, BLOCKS_BEFORE_LIST, type BlockId, type Template } from '../../../shared/template/types.js';
import { renderPiece } from '../editor/nodeViews/renderPieces.js';

function block(template: Template, blockId: BlockId, fields: AgreementFields): HTMLElement {
  const element = document.createElement('div');
  element.className = 'template-block';
  element.dataset.block = blockId;
  element.append(...renderBlock(template, blockId, fields).map(renderPiece));
  return element;
}

/**
 * A version's text as an agreement's page sets it (the same renderer and piece elements), with a
 * marker where each partner's own § 5 project list stands.
 */
export function renderSheet(template: Template, fields: AgreementFields): HTMLElement[] {
  const list = document.createElement('p');
  list.className = 'preview-project-list';
  list.textContent = 'Hier steht die Projektliste des Partners (§ 5), nach Maßnahmenarten gegliedert.';
  return [...BLOCKS_BEFORE_LIST.map((id) => block(template, id, fields)), list, ...BLOCKS_AFTER_LIST.map((id) => block(template, id, fields))];
}
