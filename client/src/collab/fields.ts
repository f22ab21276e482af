import type * as Y from 'yjs';
import { FIELD_KEYS, type AgreementFields } from '../../../shared/fields.js';
import { ROOT } from '../../../shared/protocol.js';

/**
 * The agreement's fields as the server last wrote them into Y.Map "fields", for node views and
 * React alike. Until a key arrives in the Y.Doc, the value from GET /api/agreements/:id stands in.
 */
export interface FieldsStore {
  get(): AgreementFields;
  /** Recorded from a paper original (POST /api/agreements/paper): the signature blocks say so. */
  paper?(): boolean;
  subscribe(listener: () => void): () => void;
}

/** A value from the Y.Map replaces the fallback only if it has the same JSON shape (server-written). */
function sameShape(value: unknown, fallback: unknown): boolean {
  if (typeof value !== typeof fallback || value === null) return false;
  return Array.isArray(value) === Array.isArray(fallback);
}

export function readFields(map: Y.Map<unknown>, fallback: AgreementFields): AgreementFields {
  const fields: Record<string, unknown> = { ...fallback };
  for (const key of FIELD_KEYS) {
    const value = map.get(key);
    if (sameShape(value, fallback[key])) fields[key] = value;
  }
  return fields as unknown as AgreementFields;
}

export function fieldsStore(ydoc: Y.Doc, fallback: AgreementFields): FieldsStore {
  const map = ydoc.getMap<unknown>(ROOT.fields);
  let current = readFields(map, fallback);
  const listeners = new Set<() => void>();
  map.observe(() => {
    current = readFields(map, fallback);
    for (const listener of listeners) listener();
  });
  const agreement = ydoc.getMap<unknown>(ROOT.agreement);
  return {
    get: () => current,
    // Written once, with the fields, in the agreement's first update: no listener of its own needed.
    paper: () => agreement.get('paper') === true,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
