import * as Y from 'yjs';

/**
 * Records which Yjs clients' items the updates arriving at a doc create or delete. A second
 * client "saw nothing" of a refused update when, after a later legitimate edit has arrived, the
 * only client it has heard of is the one that made that edit.
 */
export function recordTouchedClients(doc: Y.Doc): () => Set<number> {
  const touched = new Set<number>();
  doc.on('update', (update: Uint8Array) => {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) touched.add(struct.id.client);
    for (const client of ds.clients.keys()) touched.add(client);
  });
  return () => touched;
}
