import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NODE } from '../../shared/editor/nodes.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import { checkBodyTransaction } from '../../server/documents/bodyGuard.js';
import { MAX_ENTRIES } from '../../shared/editor/entryRules.js';
import { body, entries, entryText, firstEntryText, group, groupOfType, newEntry, newGroup, projectList, setAttribute, templateBlock, topLevel, topLevelNode } from '../integration/body.js';

/**
 * The lock rules on their own. Each case makes a change on a client's copy of the seeded 2024
 * Werra-Meißner document and applies the resulting update to a shadow copy built from the
 * encoded state, exactly as the server's room does, then asks the guard about that transaction.
 */
function verdict(change: (doc: Y.Doc) => void): string | null {
  const seeded = Y.encodeStateAsUpdate(seedAgreementDoc(WERRA_MEISSNER_2024.fields, WERRA_MEISSNER_2024.projects, 'draft'));
  const client = new Y.Doc();
  Y.applyUpdate(client, seeded);
  const shadow = new Y.Doc();
  Y.applyUpdate(shadow, seeded);

  let update: Uint8Array | null = null;
  client.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  client.transact(() => change(client));
  let transaction: Y.Transaction | null = null;
  shadow.on('afterTransaction', (tr: Y.Transaction) => (transaction ??= tr));
  if (update) Y.applyUpdate(shadow, update);
  if (!transaction) return null;
  return checkBodyTransaction(transaction, shadow);
}

const allowed: [string, (doc: Y.Doc) => void][] = [
  ['typing into an entry', (doc) => firstEntryText(doc).insert(8, ' (neu)')],
  ['deleting text of an entry', (doc) => firstEntryText(doc).delete(0, 8)],
  ['adding an entry with a valid id', (doc) => group(doc, 0).insert(2, [newEntry('p-abcdef123456', 'Neues Projekt')])],
  ['removing an entry', (doc) => group(doc, 0).delete(1, 1)],
  [
    'moving an entry (delete and insert with the same id)',
    (doc) => {
      group(doc, 0).delete(0, 1);
      group(doc, 0).insert(3, [newEntry('p-wmk24-dreiplus', 'DREIplus - Wiedererlangung der Erwerbsfähigkeit')]);
    },
  ],
  ['adding a group of Maßnahmenart 1', (doc) => projectList(doc).insert(0, [newGroup(1, [newEntry('p-abcdef123456', 'Startklar')])])],
  ['adding an empty group of Maßnahmenart 2', (doc) => projectList(doc).push([newGroup(2, [])])],
  ['removing a group', (doc) => projectList(doc).delete(1, 1)],
  ['changing the Maßnahmenart of a group', (doc) => setAttribute(group(doc, 1), 'measureType', 2)],
  ['giving an entry a new valid id', (doc) => entries(group(doc, 0))[0]?.setAttribute('id', 'p-neu-000001')],
  ['emptying an entry', (doc) => firstEntryText(doc).delete(0, firstEntryText(doc).length)],
  ['umlauts, quotes, dashes and a tab pasted from a spreadsheet', (doc) => firstEntryText(doc).insert(0, '„Übergänge“ – Teil 2\t')],
  ['nothing at all', () => {}],
];

const refused: [string, RegExp, (doc: Y.Doc) => void][] = [
  ['an attribute of a template block', /locked block \(templateBlock/, (doc) => templateBlock(doc, 'p4').setAttribute('blockId', 'p5intro')],
  ['a child inside a template block', /locked block/, (doc) => templateBlock(doc, 'title').insert(0, [new Y.XmlText('Entwurf')])],
  ['removing the blockId of a template block', /locked block/, (doc) => templateBlock(doc, 'p4').removeAttribute('blockId')],
  ['removing the Maßnahmenart of a group', /missing attribute measureType/, (doc) => groupOfType(doc, 4).removeAttribute('measureType')],
  ['removing the id of an entry', /without a valid id/, (doc) => entries(group(doc, 0))[0]?.removeAttribute('id')],
  ['an attribute of the signatures node', /locked block \(signatures\)/, (doc) => topLevelNode(doc, NODE.signatures).setAttribute('signed', 'yes')],
  ['deleting a template block', /top-level sequence/, (doc) => body(doc).delete(1, 1)],
  ['deleting the project list', /top-level sequence/, (doc) => body(doc).delete(topLevel(doc).indexOf(projectList(doc)), 1)],
  ['a new top-level node', /top-level sequence/, (doc) => body(doc).push([new Y.XmlElement(NODE.templateBlock)])],
  ['a write to the fields map', /root other than the body \(fields\)/, (doc) => doc.getMap('fields').set('amountCents', 1)],
  ['a deletion in the fields map', /root other than the body \(fields\)/, (doc) => doc.getMap('fields').delete('grantingAuthority')],
  ['a write to the agreement map', /root other than the body \(agreement\)/, (doc) => doc.getMap('agreement').set('status', 'final')],
  ['a write to a new root', /root other than the body \(comments\)/, (doc) => doc.getMap('comments').set('c1', 'x')],
  ['an attribute on the project list', /attributes of the project list/, (doc) => projectList(doc).setAttribute('locked', 'false')],
  ['a paragraph in the project list', /invalid project list/, (doc) => projectList(doc).insert(0, [new Y.XmlElement('paragraph')])],
  ['an entry directly in the project list', /invalid project list/, (doc) => projectList(doc).insert(0, [newEntry('p-abcdef123456', 'lose')])],
  ['formatted text', /formatted text/, (doc) => firstEntryText(doc).format(0, 4, { bold: true })],
  ['an embedded object', /embedded object/, (doc) => firstEntryText(doc).insertEmbed(0, { image: 'x' })],
  ['an attribute on the text of an entry', /attributes on the text/, (doc) => firstEntryText(doc).setAttribute('style', 'x')],
  ['an unknown attribute on an entry', /unknown attribute onclick/, (doc) => entries(group(doc, 0))[0]?.setAttribute('onclick', 'x')],
  ['an attribute named like an Object method', /unknown attribute constructor/, (doc) => entries(group(doc, 0))[0]?.setAttribute('constructor', 'x')],
  ['an entry without id', /without a valid id/, (doc) => group(doc, 0).push([newEntry(null, 'ohne')])],
  ['an entry with a malformed id', /invalid entry id/, (doc) => group(doc, 0).push([newEntry('P 1', 'falsch')])],
  ['a group without Maßnahmenart', /missing attribute measureType/, (doc) => projectList(doc).push([new Y.XmlElement(NODE.measureGroup)])],
  ['Maßnahmenart 7', /unknown Maßnahmenart: 7/, (doc) => setAttribute(groupOfType(doc, 3), 'measureType', 7)],
  ['Maßnahmenart "3" as a string', /unknown Maßnahmenart: 3/, (doc) => setAttribute(groupOfType(doc, 3), 'measureType', '3')],
  ...[
    ['a line break', 'Projekt\n\n§ 8 Zusatz'],
    ['a carriage return', 'Projekt\r'],
    ['a line separator', 'Projekt\u2028Zusatz'],
    ['a right-to-left override', 'Projekt \u202Egnutiel'],
    ['a NUL character', 'Projekt\u0000'],
  ].map(([what, text]): [string, RegExp, (doc: Y.Doc) => void] => [
    `${what} in an entry`,
    /line break or control character/,
    (doc) => firstEntryText(doc).insert(0, text ?? ''),
  ]),
  ...[
    ['a zero-width space', 'Start\u200Bklar'],
    ['a soft hyphen', 'Start\u00ADklar'],
    ['a right-to-left mark', 'Startklar\u200F'],
    ['an Arabic letter mark', 'Startklar\u061C'],
    ['a byte order mark', '\uFEFFStartklar'],
  ].map(([what, text]): [string, RegExp, (doc: Y.Doc) => void] => [`${what} in an entry`, /invisible character/, (doc) => firstEntryText(doc).insert(0, text ?? '')]),
  ...[
    ['Arabic', 'مشروع 2024'],
    ['Hebrew', 'פרויקט 12'],
    ['an emoji', 'Projekt 🎉'],
  ].map(([what, text]): [string, RegExp, (doc: Y.Doc) => void] => [`${what} in an entry`, /cannot print/, (doc) => firstEntryText(doc).insert(0, text ?? '')]),
  ['an entry longer than the cap', /longer than 500/, (doc) => firstEntryText(doc).insert(0, 'x'.repeat(500))],
  [
    `more than ${MAX_ENTRIES} entries`,
    /more than 300 project entries/,
    (doc) => group(doc, 0).push(Array.from({ length: MAX_ENTRIES }, (_, i) => newEntry(`p-many-${String(i).padStart(4, '0')}`, 'x'))),
  ],
];

describe('the lock rules on a transaction', () => {
  it.each(allowed)('allow %s', (_name, change) => {
    expect(verdict(change)).toBeNull();
  });

  it.each(refused)('refuse %s', (_name, reason, change) => {
    expect(verdict(change)).toMatch(reason);
  });

  it('allow an entry of exactly the cap of 500 characters', () => {
    // "Strategieentwicklung" has 20 characters.
    const strategy = (doc: Y.Doc) => entryText(entries(groupOfType(doc, 4))[0] ?? new Y.XmlElement());
    expect(verdict((doc) => strategy(doc).insert(0, 'x'.repeat(480)))).toBeNull();
    expect(verdict((doc) => strategy(doc).insert(0, 'x'.repeat(481)))).toMatch(/longer than 500/);
  });
});
