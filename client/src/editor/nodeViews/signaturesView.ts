import type { NodeViewRenderer } from '@tiptap/core';
import type * as Y from 'yjs';
import { placeAndDate } from '../../../../shared/agreementText.js';
import type { AgreementStatus, SigningParty } from '../../../../shared/api.js';
import type { SignatoryBlock } from '../../../../shared/fields.js';
import { printedSignatory } from '../../../../shared/signoff.js';
import { ROOT } from '../../../../shared/protocol.js';
import { fieldsAsSigned, signedParties } from '../../../../shared/signedBlocks.js';
import { PAPER_NOTE } from '../../../../shared/paper/types.js';
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
function signerName(signatures: Y.Map<unknown>, party: SigningParty): string | undefined {
  const signature = signatures.get(party);
  if (typeof signature !== 'object' || signature === null || !('name' in signature)) return undefined;
  return typeof signature.name === 'string' ? signature.name : undefined;
}

/** One block: place and date, the space for the signature, name (or „In Vertretung" and the deputy) and function lines. */
function signatoryBlock(block: SignatoryBlock, signer: string | undefined, label: string, paper: boolean): HTMLElement {
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
  if (paper) element.append(line('signature-paper', PAPER_NOTE));
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
      const signatures = ydoc.getMap<unknown>(ROOT.signatures);
      const { ministrySignatory, districtSignatory } = fieldsAsSigned(fields.get(), signed);
      const paper = fields.paper?.() ?? false;
      dom.dataset.signed = signed.join(' ');
      dom.replaceChildren(
        lockIcon(),
        // A paper signature is shown as transcribed (its name is the block's), never as a deputy's.
        signatoryBlock(ministrySignatory, paper ? undefined : signerName(signatures, 'ministry'), 'Zeichnung des Ministeriums', paper),
        signatoryBlock(districtSignatory, paper ? undefined : signerName(signatures, 'district'), 'Zeichnung des Kreises oder der Stadt', paper),
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
