import { getRandomValues } from 'lib0/webcrypto';

/** Stable ids of project entries: random, URL-safe, and valid in browsers without a secure context. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const ENTRY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{5,63}$/;

export function newEntryId(): string {
  const bytes = new Uint8Array(12);
  getRandomValues(bytes);
  let id = 'p-';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && ENTRY_ID_PATTERN.test(value);
}
