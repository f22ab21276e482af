import * as v from 'valibot';
import { problemOf } from './issues.js';

/** A key as it may be quoted back in a message: short and without control characters. */
function quotedKey(key: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(key).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40);
}

const unknownKeyMessage = (key: string) => `Die Angabe „${key}“ ist in dieser Anfrage nicht vorgesehen.`;

/**
 * A JSON request body: an object with exactly the given keys. Something that is no object gets
 * `notAnObject`; a missing key gets the message its own schema gives for a missing value (so the
 * message names the field); a key the request does not take is named in the answer, because a
 * misspelt key silently ignored is a change the user believes made and was not.
 */
export function requestBody<const E extends v.ObjectEntries>(
  entries: E,
  notAnObject: string,
  unknownKey: (key: string) => string = unknownKeyMessage,
) {
  return v.strictObject(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string' || !Array.isArray(issue.path) || issue.path.length !== 1) return notAnObject;
    if (issue.expected === 'never') return unknownKey(quotedKey(key));
    const entry = Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined;
    return (entry && problemOf(entry, undefined)) ?? notAnObject;
  });
}
