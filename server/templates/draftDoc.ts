import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { templateSchema } from '../../shared/template/editorNodes.js';
import { TEMPLATE_FRAGMENT, TEMPLATE_NODES, TEMPLATE_STATE_ROOT, type TemplateNodeJSON, type TemplateVersionState } from '../../shared/template/model.js';

export { TEMPLATE_STATE_ROOT };

/**
 * The Y.Doc of a template version: the document (XmlFragment "template", the TipTap document the
 * ministry's editors write together) and the version's state (Y.Map "version", written only by
 * the server), which the lock rules read on the shadow copy, as an agreement's status.
 */

export function seedTemplateDoc(content: TemplateNodeJSON, state: TemplateVersionState): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    // Through y-prosemirror's conversion, so the stored attributes are the ones the editor's binding expects.
    prosemirrorJSONToYXmlFragment(templateSchema(), content, doc.getXmlFragment(TEMPLATE_FRAGMENT));
    doc.getMap<unknown>(TEMPLATE_STATE_ROOT).set('state', state);
  });
  return doc;
}

/** The document as ProseMirror JSON, its root named as the template schema names it. */
export function readTemplateContent(doc: Y.Doc): TemplateNodeJSON {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(TEMPLATE_FRAGMENT)) as TemplateNodeJSON;
  return { ...json, type: TEMPLATE_NODES.doc };
}

export function templateStateOf(doc: Y.Doc): unknown {
  return doc.getMap<unknown>(TEMPLATE_STATE_ROOT).get('state');
}
