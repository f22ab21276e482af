import { Node } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { templateSchema } from '../../shared/template/editorNodes.js';
import { TEMPLATE_FRAGMENT, TEMPLATE_NODES } from '../../shared/template/model.js';
import { BLOCK_IDS } from '../../shared/template/types.js';
import { readTemplateContent } from './draftDoc.js';

type SharedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

/**
 * The lock rules of a template draft, on the transaction that applied a client's update to the
 * shadow document (as server/documents/bodyGuard.ts does for agreements). A client may change the
 * text inside the sections — pieces, text, bold, hard breaks, placeholders — and nothing else:
 * not the sequence of sections (none added, removed or reordered), not a section's blockId, no
 * other root (the version's state is the server's). The result must be a valid document under
 * the shared template schema. Returns a reason for the log, or null.
 */
export function checkTemplateTransaction(transaction: Y.Transaction, doc: Y.Doc): string | null {
  // The fragment exactly as the shadow holds it (see bodyGuard.ts on roots that arrive in updates).
  const fragment: unknown = doc.share.get(TEMPLATE_FRAGMENT);
  for (const [type, keys] of transaction.changed) {
    if ((type as unknown) === fragment) return 'changes the sequence of template sections';
    const section = sectionOf(type, fragment);
    if (section === null) return 'writes to a root other than the template document';
    if ((type as unknown) === section && [...keys].some((key) => key !== null)) return 'changes the attributes of a template section';
  }
  return checkDocument(doc);
}

/** The top-level section that contains `type`, or null when it is outside the fragment. */
function sectionOf(type: SharedType, fragment: unknown): SharedType | null {
  let current = type;
  for (;;) {
    const parent = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parent === fragment) return current;
    current = parent as SharedType;
  }
}

/** The whole document under the schema, sections in their fixed order (a draft is a few pages). */
function checkDocument(doc: Y.Doc): string | null {
  try {
    const json = readTemplateContent(doc);
    const ids = (json.content ?? []).map((section) => (section.type === TEMPLATE_NODES.section ? section.attrs?.blockId : null));
    if (ids.length !== BLOCK_IDS.length || ids.some((id, index) => id !== BLOCK_IDS[index])) return 'template sections not in their fixed order';
    Node.fromJSON(templateSchema(), json).check();
    return null;
  } catch (error: unknown) {
    return `invalid template document: ${error instanceof Error ? error.message : String(error)}`;
  }
}
