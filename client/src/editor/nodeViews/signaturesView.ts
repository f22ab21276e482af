import type { NodeViewRenderer } from '@tiptap/core';
import { placeAndDate } from '../../../../shared/agreementText.js';
import type { SignatoryBlock } from '../../../../shared/fields.js';
import { PAPER_NOTE } from '../../../../shared/paper/types.js';
import type { FieldsStore } from '../../collab/fields.js';
import { lockIcon } from './templateBlockView.js';

function line(className: string, text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

/** One block: place and date, the space for the signature, name and function lines. */
function signatoryBlock(block: SignatoryBlock, label: string, paper: boolean): HTMLElement {
  const element = document.createElement('div');
  element.className = 'signatory';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  const space = document.createElement('div');
  space.className = 'signature-space';
  if (block.signatureMark) space.append(line('signature-mark', block.signatureMark));
  const name = document.createElement('div');
  name.className = 'signatory-name';
  name.append(line('signatory-line', block.name), ...block.functionLines.map((text) => line('signatory-line', text)));
  element.append(line('signature-place', placeAndDate(block)), space, name);
  if (paper) element.append(line('signature-paper', PAPER_NOTE));
  return element;
}

/** The two signature blocks side by side; their values are fields the server writes. */
export function signaturesView(fields: FieldsStore | null): NodeViewRenderer {
  return () => {
    const dom = document.createElement('div');
    dom.className = 'signatures';
    dom.contentEditable = 'false';
    dom.title = 'Zeichnung – wird vom Server eingetragen';
    const render = () => {
      if (!fields) return;
      const { ministrySignatory, districtSignatory } = fields.get();
      const paper = fields.paper?.() ?? false;
      dom.replaceChildren(
        lockIcon(),
        signatoryBlock(ministrySignatory, 'Zeichnung des Ministeriums', paper),
        signatoryBlock(districtSignatory, 'Zeichnung des Kreises oder der Stadt', paper),
      );
    };
    render();
    const unsubscribe = fields?.subscribe(render);
    return {
      dom,
      update: (updated) => updated.type.name === 'signatures',
      ignoreMutation: () => true,
      destroy: () => unsubscribe?.(),
    };
  };
}
