import * as Y from 'yjs';

/**
 * A loaded document of a room, named by the room (an agreement's id, a template version). Yjs would
 * otherwise make up a guid for every Y.Doc from 31 calls to crypto.getRandomValues (lib0's uuidv4):
 * 0.1–0.2 ms per document, the largest single cost of opening an agreement in the profile. The
 * guid names subdocuments, which these documents do not have; nothing is stored or sent with it.
 * Room's shadow copy takes its document's guid.
 */
export function namedDoc(name: string): Y.Doc {
  return new Y.Doc({ guid: name });
}
