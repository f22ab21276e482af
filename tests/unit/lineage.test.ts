import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveProject, splitProject } from '../../client/src/editor/commands/entries.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import { checkBodyTransaction } from '../../server/documents/bodyGuard.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { agreementBodyJSON, projectListFromBody, type ProjectListModel } from '../../shared/editor/body.js';
import { entryIdsPlugin } from '../../shared/editor/entryIds.js';
import { keepsLineage, projectListLockPlugin } from '../../shared/editor/lock.js';
import { NODE } from '../../shared/editor/nodes.js';
import { agreementSchema } from '../../shared/editor/schema.js';
import { entries, group, newEntry, setAttribute } from '../integration/body.js';

/**
 * Lineage (`carriedFrom` on a project entry) is written by the server when a round carries §5
 * over; clients may neither set nor change it. Checked on both sides: the server's update guard
 * against its record (Y.Map "lineage"), and the editor's lock filter.
 */
const CARRIED: ProjectListModel = [
  {
    measureType: 3,
    entries: [
      { id: 'p-wmk25-dreiplus', title: 'DREIplus', carriedFrom: 'p-wmk24-dreiplus' },
      { id: 'p-wmk25-letswork', title: "Let's work", carriedFrom: 'p-wmk24-letswork' },
      { id: 'p-wmk25-neu00001', title: 'Neu 2025' },
    ],
  },
  { measureType: 4, entries: [{ id: 'p-wmk25-strategie', title: 'Strategieentwicklung', carriedFrom: 'p-wmk24-strategie' }] },
];

function verdict(change: (doc: Y.Doc) => void): string | null {
  const seeded = Y.encodeStateAsUpdate(seedAgreementDoc({ ...WERRA_MEISSNER_2024.fields, year: 2025 }, CARRIED, 'draft'));
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
  return transaction ? checkBodyTransaction(transaction, shadow) : null;
}

const carriedEntry = (id: string, title: string, carriedFrom: string) => {
  const entry = newEntry(id, title);
  entry.setAttribute('carriedFrom', carriedFrom);
  return entry;
};

describe('the server keeps the lineage of carried-over entries', () => {
  it('allows typing into, deleting and moving a carried entry (re-created with its lineage)', () => {
    expect(verdict((doc) => (entries(group(doc, 0))[0]?.get(0) as Y.XmlText).insert(0, 'Neu: '))).toBeNull();
    expect(verdict((doc) => group(doc, 0).delete(0, 1))).toBeNull();
    expect(
      verdict((doc) => {
        group(doc, 0).delete(0, 1);
        group(doc, 1).insert(0, [carriedEntry('p-wmk25-dreiplus', 'DREIplus', 'p-wmk24-dreiplus')]);
      }),
    ).toBeNull();
  });

  it('refuses changing or removing the lineage of an existing entry', () => {
    expect(verdict((doc) => setAttribute(entries(group(doc, 0))[0]!, 'carriedFrom', 'p-wmk24-gefl1'))).toMatch(/lineage/);
    expect(verdict((doc) => entries(group(doc, 0))[0]?.removeAttribute('carriedFrom'))).toMatch(/lineage/);
  });

  it('refuses giving an entry a lineage the server did not record', () => {
    expect(verdict((doc) => setAttribute(entries(group(doc, 0))[2]!, 'carriedFrom', 'p-wmk24-gefl1'))).toMatch(/lineage/);
    expect(verdict((doc) => group(doc, 0).push([carriedEntry('p-forged00001', 'Geflüchtete I', 'p-wmk24-gefl1')]))).toMatch(/did not record/);
    expect(verdict((doc) => group(doc, 0).push([carriedEntry('p-wmk25-neu00001', 'Neu', 'p-wmk24-gefl1')]))).toMatch(/did not record/);
  });
});

describe('the editor keeps the lineage of carried-over entries', () => {
  const schema = agreementSchema();
  const state = () =>
    EditorState.create({ schema, doc: schema.nodeFromJSON(agreementBodyJSON(CARRIED)), plugins: [projectListLockPlugin(), entryIdsPlugin()] });
  const posOf = (s: EditorState, id: string) => {
    let found = -1;
    s.doc.descendants((node, pos) => {
      if (node.type.name === NODE.projectEntry && node.attrs.id === id) found = pos;
    });
    return found;
  };
  const list = (s: EditorState) => projectListFromBody(s.doc.toJSON() as Parameters<typeof projectListFromBody>[0]);
  const at = (s: EditorState, id: string, offset: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, posOf(s, id) + 1 + offset)));

  it('refuses setting or changing carriedFrom', () => {
    const s = state();
    expect(s.apply(s.tr.setNodeAttribute(posOf(s, 'p-wmk25-neu00001'), 'carriedFrom', 'p-wmk24-gefl1'))).toBe(s);
    const forged = s.tr.setNodeMarkup(posOf(s, 'p-wmk25-dreiplus'), undefined, { id: 'p-wmk25-dreiplus', carriedFrom: 'p-wmk24-gefl2' });
    expect(keepsLineage(forged)).toBe(false);
    expect(s.apply(forged)).toBe(s);
  });

  it('moves a carried entry with its lineage', () => {
    let s = at(state(), 'p-wmk25-letswork', 2);
    moveProject(1)(s, (tr) => (s = s.apply(tr)));
    moveProject(1)(s, (tr) => (s = s.apply(tr)));
    const moved = list(s).flatMap((g) => g.entries.map((e) => ({ ...e, measureType: g.measureType }))).find((e) => e.id === 'p-wmk25-letswork');
    expect(moved).toMatchObject({ carriedFrom: 'p-wmk24-letswork', measureType: 4 });
  });

  it('gives the second half of a split and a copy a new id and no lineage', () => {
    let s = at(state(), 'p-wmk25-dreiplus', 4);
    splitProject(() => 'p-split0000001')(s, (tr) => (s = s.apply(tr)));
    const afterSplit = list(s)[0]?.entries ?? [];
    expect(afterSplit.slice(0, 2)).toEqual([
      { id: 'p-wmk25-dreiplus', title: 'DREI', carriedFrom: 'p-wmk24-dreiplus' },
      { id: 'p-split0000001', title: 'plus' },
    ]);
    const original = s.doc.nodeAt(posOf(s, 'p-wmk25-strategie'));
    s = s.apply(s.tr.insert(posOf(s, 'p-wmk25-strategie'), original!.copy(original!.content)));
    const copies = (list(s)[1]?.entries ?? []).filter((e) => e.title === 'Strategieentwicklung');
    expect(copies).toHaveLength(2);
    expect(copies.filter((e) => e.carriedFrom === 'p-wmk24-strategie').map((e) => e.id)).toEqual(['p-wmk25-strategie']);
  });
});
