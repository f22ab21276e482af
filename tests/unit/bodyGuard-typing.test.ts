import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import { checkBodyTransaction, checkBodyTransactionInFull } from '../../server/documents/bodyGuard.js';
import { entries, entryText, group, groups, newEntry } from '../integration/body.js';

/**
 * The lock rules take a shortcut for typing (only the text of existing entries changed): they
 * check the typed text against the entry rules instead of reading the project list through the
 * schema. Here both paths judge the same random updates, made the way the fuzz test's clients
 * make them (keystrokes, pastes, deletions, formatting, new and removed entries), on a document
 * that evolves with every accepted update; they must agree on every one.
 */

/** What typing and pasting can bring, allowed or not: letters, umlauts, controls, invisibles, what the PDF cannot print. */
const PIECES = ['a', 'Z', ' ', 'ä', 'ß', '„Übergänge“', '–', '\t', '\n', '\r', '\u0000', '\u2028', '\u200B', '\u00AD', '\uFEFF', '🎉', 'مش', 'x'.repeat(120)];

type Change = { typing: boolean; apply: (doc: Y.Doc) => void };

function randomText(random: prng.PRNG): string {
  return Array.from({ length: prng.int32(random, 1, 3) }, () => prng.oneOf(random, PIECES)).join('');
}

function someEntry(random: prng.PRNG, doc: Y.Doc): Y.XmlElement | null {
  const all = groups(doc).flatMap((g) => entries(g));
  return all.length === 0 ? null : prng.oneOf(random, all);
}

function typeInto(random: prng.PRNG, text: Y.XmlText) {
  if (text.length > 0 && prng.bool(random)) {
    const at = prng.int32(random, 0, text.length - 1);
    text.delete(at, prng.int32(random, 1, Math.min(30, text.length - at)));
  } else {
    text.insert(prng.int32(random, 0, text.length), randomText(random));
  }
}

function randomChange(random: prng.PRNG, step: number): Change {
  const kind = prng.int32(random, 0, 99);
  const inEntry = (what: (text: Y.XmlText, entry: Y.XmlElement) => void) => (doc: Y.Doc) => {
    const entry = someEntry(random, doc);
    if (entry) what(entryText(entry), entry);
  };
  if (kind < 55) return { typing: true, apply: inEntry((text) => typeInto(random, text)) };
  if (kind < 65) return { typing: true, apply: (doc) => [0, 1].forEach(() => inEntry((text) => typeInto(random, text))(doc)) };
  if (kind < 68) return { typing: true, apply: inEntry((text) => text.format(0, Math.max(1, text.length), { bold: true })) };
  if (kind < 71) return { typing: true, apply: inEntry((text) => text.insertEmbed(0, { image: 'x' })) };
  if (kind < 73) return { typing: false, apply: inEntry((text) => text.setAttribute('style', 'x')) };
  if (kind < 76) return { typing: false, apply: inEntry((_text, entry) => entry.insert(0, [new Y.XmlText('zweiter Text')])) };
  if (kind < 79) return { typing: false, apply: inEntry((_text, entry) => entry.insert(0, [new Y.XmlElement('paragraph')])) };
  if (kind < 85) return { typing: false, apply: inEntry((_text, entry) => entry.setAttribute('id', prng.bool(random) ? `p-rand-${String(step).padStart(6, '0')}` : 'kein id')) };
  if (kind < 93) {
    const id = prng.bool(random) ? `p-neu-${String(step).padStart(6, '0')}` : null;
    return { typing: false, apply: (doc) => group(doc, 0).insert(0, [newEntry(id, randomText(random))]) };
  }
  return {
    typing: false,
    apply: (doc) => {
      const g = group(doc, 0);
      if (g.length > 0) g.delete(prng.int32(random, 0, g.length - 1), 1);
    },
  };
}

/** Both verdicts on the transaction that applied `change` (made on a copy of `state`) to a shadow built from `state`. */
function verdicts(state: Uint8Array, change: Change): { shortcut: string | null; full: string | null; next: Uint8Array } | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  let update: Uint8Array | null = null;
  client.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  client.transact(() => change.apply(client));
  if (!update) return null;
  const shadow = new Y.Doc();
  Y.applyUpdate(shadow, state);
  let transaction: Y.Transaction | null = null;
  shadow.on('afterTransaction', (tr: Y.Transaction) => (transaction ??= tr));
  Y.applyUpdate(shadow, update);
  const tr = transaction as Y.Transaction | null;
  if (!tr) return null;
  return { shortcut: checkBodyTransaction(tr, shadow), full: checkBodyTransactionInFull(tr, shadow), next: Y.encodeStateAsUpdate(shadow) };
}

describe('the typing shortcut of the lock rules', () => {
  it('judges random keystrokes, pastes and structural changes as the full check does', () => {
    const seeded = Y.encodeStateAsUpdate(seedAgreementDoc(WERRA_MEISSNER_2024.fields, WERRA_MEISSNER_2024.projects, 'draft'));
    const counts = { typingAccepted: 0, typingRefused: 0, otherAccepted: 0, otherRefused: 0 };
    for (let seed = 1; seed <= 6; seed++) {
      const random = prng.create(seed);
      let state = seeded;
      for (let step = 0; step < 150; step++) {
        const change = randomChange(random, step);
        const result = verdicts(state, change);
        if (!result) continue;
        expect({ seed, step, refused: result.shortcut !== null }).toEqual({ seed, step, refused: result.full !== null });
        const accepted = result.full === null;
        const key: keyof typeof counts = change.typing ? (accepted ? 'typingAccepted' : 'typingRefused') : accepted ? 'otherAccepted' : 'otherRefused';
        counts[key]++;
        // The document goes on from every accepted update, as the room's does.
        if (result.full === null) state = result.next;
      }
    }
    // Both paths were exercised on both outcomes; otherwise agreement would prove nothing.
    expect(counts.typingAccepted).toBeGreaterThan(100);
    expect(counts.typingRefused).toBeGreaterThan(100);
    expect(counts.otherAccepted).toBeGreaterThan(20);
    expect(counts.otherRefused).toBeGreaterThan(20);
  });
});
