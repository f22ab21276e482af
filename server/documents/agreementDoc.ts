import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { AgreementStatus } from '../../shared/api.js';
import { agreementBodyJSON, projectListFromBody, type ProjectListModel } from '../../shared/editor/body.js';
import { agreementSchema, BODY_FIELD } from '../../shared/editor/schema.js';
import { FIELD_KEYS, type AgreementFields } from '../../shared/fields.js';
import { ROOT } from '../../shared/protocol.js';

/**
 * The Y.Doc of an agreement: the body (XmlFragment "body", the TipTap document), the fields and
 * the status (Y.Maps written only by the server).
 */
export function seedAgreementDoc(fields: AgreementFields, projects: ProjectListModel, status: AgreementStatus): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    // Through y-prosemirror's own conversion, so that the stored attributes are exactly the
    // ones the editor's binding expects and it never needs to "correct" a locked block.
    prosemirrorJSONToYXmlFragment(agreementSchema(), agreementBodyJSON(projects), doc.getXmlFragment(BODY_FIELD));
    writeFields(doc, fields);
    doc.getMap(ROOT.agreement).set('status', status);
    const lineage = doc.getMap<string>(ROOT.lineage);
    for (const entry of projects.flatMap((group) => group.entries)) if (entry.carriedFrom) lineage.set(entry.id, entry.carriedFrom);
  });
  return doc;
}

export function writeFields(doc: Y.Doc, fields: AgreementFields) {
  const map = doc.getMap<unknown>(ROOT.fields);
  for (const key of FIELD_KEYS) {
    if (JSON.stringify(map.get(key)) !== JSON.stringify(fields[key])) map.set(key, fields[key]);
  }
}

export function bodyJSON(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as JSONContent;
}

export function readProjectList(doc: Y.Doc): ProjectListModel {
  return projectListFromBody(bodyJSON(doc));
}
