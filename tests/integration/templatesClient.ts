import * as Y from 'yjs';
import { TEMPLATE_FRAGMENT, type TemplateVersionDetail } from '../../shared/template/model.js';
import type { BlockId } from '../../shared/template/types.js';
import { api } from './harness.js';
import { json, postJson } from './roundsClient.js';

/** Requests and document helpers of the template versions' integration tests. */

export const templateRoom = (version: string) => `template/${version}`;

export async function templateDetail(server: { url: string }, version: string, cookie: string): Promise<TemplateVersionDetail> {
  return json<TemplateVersionDetail>(await api(server, `/templates/${version}`, cookie));
}

export async function newDraft(server: { url: string }, cookie: string, from: string, version: string, label = version.toUpperCase()): Promise<TemplateVersionDetail> {
  return json<TemplateVersionDetail>(await postJson(server, '/templates', cookie, { from, version, label }), 201);
}

export function publish(server: { url: string }, version: string, cookie: string): Promise<Response> {
  return api(server, `/templates/${version}/publish`, cookie, { method: 'POST' });
}

export function patchJson(server: { url: string }, path: string, cookie: string, body: unknown): Promise<Response> {
  return api(server, path, cookie, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The section of a block in a template document, as the server's Y.Doc holds it. */
export function section(doc: Y.Doc, blockId: BlockId): Y.XmlElement {
  const found = doc
    .getXmlFragment(TEMPLATE_FRAGMENT)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.getAttribute('blockId') === blockId);
  if (!found) throw new Error(`no section ${blockId}`);
  return found;
}

/** The n-th piece (paragraph) of a block. */
export function piece(doc: Y.Doc, blockId: BlockId, index: number): Y.XmlElement {
  const found = section(doc, blockId).toArray()[index];
  if (!(found instanceof Y.XmlElement)) throw new Error(`no piece ${index} in ${blockId}`);
  return found;
}

/** The first text of a piece, where a ministry editor would type. */
export function firstText(doc: Y.Doc, blockId: BlockId, index: number): Y.XmlText {
  const found = piece(doc, blockId, index).toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  if (!found) throw new Error(`no text in piece ${index} of ${blockId}`);
  return found;
}
