import type { NodeViewRenderer } from '@tiptap/core';
import { placeAndDate } from '../../../../shared/agreementText.js';
import type { AgreementStatus, SigningParty } from '../../../../shared/api.js';
import type { SignatoryBlock } from '../../../../shared/fields.js';
import { ROOT } from '../../../../shared/protocol.js';
import { fieldsAsSigned, signedParties } from '../../../../shared/signedBlocks.js';
import type * as Y from 'yjs';
import type { FieldsStore } from '../../collab/fields.js';
import { lockIcon } from './templateBlockView.js';

function line(className: string, text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

/** One block: place and date, the space for the signature, name and function lines. */
function signatoryBlock(block: SignatoryBlock, label: string): HTMLElement {
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
  return element;
}

const isParty = (key: string): key is SigningParty => key === 'ministry' || key === 'district';

/** The parties whose signature exists, from the sign-off state the server writes into the Y.Doc. */
function signedInDoc(ydoc: Y.Doc): SigningParty[] {
  const status = ydoc.getMap<unknown>(ROOT.agreement).get('status');
  const recorded = [...ydoc.getMap<unknown>(ROOT.signatures).keys()].filter(isParty);
  return signedParties((typeof status === 'string' ? status : 'draft') as AgreementStatus, recorded);
}

/**
 * The two signature blocks side by side; their values are fields the server writes. A block shows
 * a mark and a date only when its party has signed: a draft never looks signed.
 */
export function signaturesView(fields: FieldsStore | null, ydoc: Y.Doc): NodeViewRenderer {
  return () => {
    const dom = document.createElement('div');
    dom.className = 'signatures';
    dom.contentEditable = 'false';
    dom.title = 'Zeichnung – wird vom Server eingetragen';
    const render = () => {
      if (!fields) return;
      const signed = signedInDoc(ydoc);
      const { ministrySignatory, districtSignatory } = fieldsAsSigned(fields.get(), signed);
      dom.dataset.signed = signed.join(' ');
      dom.replaceChildren(
        lockIcon(),
        signatoryBlock(ministrySignatory, 'Zeichnung des Ministeriums'),
        signatoryBlock(districtSignatory, 'Zeichnung des Kreises oder der Stadt'),
      );
    };
    render();
    const unsubscribe = fields?.subscribe(render);
    const state = [ydoc.getMap<unknown>(ROOT.agreement), ydoc.getMap<unknown>(ROOT.signatures)];
    for (const map of state) map.observe(render);
    return {
      dom,
      update: (updated) => updated.type.name === 'signatures',
      ignoreMutation: () => true,
      destroy: () => {
        unsubscribe?.();
        for (const map of state) map.unobserve(render);
      },
    };
  };
}
