import { getSchema, type AnyExtension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import type { Schema } from '@tiptap/pm/model';
import { MeasureGroup, ProjectEntry, ProjectList, Signatures, TemplateBlock } from './nodes.js';

/** Top level: locked template blocks around the §5 project list, then the signatures. */
export const AgreementDocument = Document.extend({ content: 'agreementBlock*' });

/** The extensions that define the schema. The client extends some with node views. */
export const schemaExtensions: AnyExtension[] = [
  AgreementDocument,
  Text,
  TemplateBlock,
  ProjectList,
  MeasureGroup,
  ProjectEntry,
  Signatures,
];

let cached: Schema | null = null;

export function agreementSchema(): Schema {
  cached ??= getSchema(schemaExtensions);
  return cached;
}

/** The Y.XmlFragment of the Y.Doc that holds the body (TipTap Collaboration's `field`). */
export const BODY_FIELD = 'body';
