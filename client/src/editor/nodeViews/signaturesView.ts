import type { NodeViewRenderer } from '@tiptap/core';
import type * as Y from 'yjs';
import type { SigningParty } from '../../../../shared/api.js';
import { placeAndDate } from '../../../../shared/agreementText.js';
import type { SignatoryBlock } from '../../../../shared/fields.js';
import { printedSignatory } from '../../../../shared/signoff.js';
import type { FieldsStore } from '../../collab/fields.js';
import { lockIcon } from './templateBlockView.js';

function line(className: string, text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

/** „elektronisch unterzeichnet · SHA-256 …": wraps only after the dot, the hash stays on one line. */
function electronicMark(mark: string): HTMLElement {
  const element = line('signature-mark is-electronic', '');
  const [label = '', hash = ''] = mark.split(' · ');
  const hashPart = document.createElement('span');
  hashPart.className = 'signature-hash';
  hashPart.textContent = hash;
  element.append(hash ? `${label} · ` : label, hashPart);
  return element;
}

/** Who signed for a party, from the signatures the server wrote into the Y.Doc (Y.Map "signatures"). */
function signerName(signatures: Y.Map<unknown> | null, party: SigningParty): string | undefined {
  const signature = signatures?.get(party);
  if (typeof signature !== 'object' || signature === null || !('name' in signature)) return undefined;
  return typeof signature.name === 'string' ? signature.name : undefined;
}

/** One block: place and date, the space for the signature, name (or „In Vertretung" and the deputy) and function lines. */
function signatoryBlock(block: SignatoryBlock, signer: string | undefined, label: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'signatory';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  const space = document.createElement('div');
  space.className = 'signature-space';
  if (block.signatureMark) {
    // An electronic signature's mark is set small and plain like the PDF's; a facsimile as handwriting.
    if (signer !== undefined) space.append(electronicMark(block.signatureMark));
    else space.append(line('signature-mark', block.signatureMark));
  }
  const name = document.createElement('div');
  name.className = 'signatory-name';
  name.append(...printedSignatory(block, signer).map((text) => line('signatory-line', text)));
  element.append(line('signature-place', placeAndDate(block)), space, name);
  return element;
}

/** The two signature blocks side by side; their values are fields and signatures the server writes. */
export function signaturesView(fields: FieldsStore | null, signatures: Y.Map<unknown> | null = null): NodeViewRenderer {
  return () => {
    const dom = document.createElement('div');
    dom.className = 'signatures';
    dom.contentEditable = 'false';
    dom.title = 'Zeichnung – wird vom Server eingetragen';
    const render = () => {
      if (!fields) return;
      const { ministrySignatory, districtSignatory } = fields.get();
      dom.replaceChildren(
        lockIcon(),
        signatoryBlock(ministrySignatory, signerName(signatures, 'ministry'), 'Zeichnung des Ministeriums'),
        signatoryBlock(districtSignatory, signerName(signatures, 'district'), 'Zeichnung des Kreises oder der Stadt'),
      );
    };
    render();
    const unsubscribe = fields?.subscribe(render);
    signatures?.observe(render);
    return {
      dom,
      update: (updated) => updated.type.name === 'signatures',
      ignoreMutation: () => true,
      destroy: () => {
        unsubscribe?.();
        signatures?.unobserve(render);
      },
    };
  };
}
