import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { readProjectList, seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import { checkBodyTransaction } from '../../server/documents/bodyGuard.js';
import { entryAttribution } from '../../server/history/attribution.js';
import { attributeDiff } from '../../server/history/diffAttribution.js';
import { diffProjectLists } from '../../shared/history/diff.js';
import { entryElements, projectListOf } from '../../server/history/docItems.js';
import { restoreProjectList } from '../../server/history/restore.js';
import { DocumentUpdateIndex } from '../../server/history/updateIndex.js';
import type { ProjectListModel } from '../../shared/editor/body.js';
import { entryText, group, groupOfType, newEntry, newGroup, projectList } from '../integration/body.js';

/**
 * Restoring §5 and attributing its entries, in-process: two documents stand for the server and a
 * client, the update log is a list of updates with their authors.
 */
const LIST: ProjectListModel = [
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

const seeded = () => seedAgreementDoc({ ...WERRA_MEISSNER_2024.fields, year: 2025 }, LIST, 'draft');

/** Records every update of a document as the log would, with the author of the transaction's origin. */
function logged(doc: Y.Doc) {
  const log: { seq: number; data: Uint8Array; author: string; at: number }[] = [{ seq: 1, data: Y.encodeStateAsUpdate(doc), author: 'system', at: 1000 }];
  doc.on('update', (data: Uint8Array, origin: unknown) => log.push({ seq: log.length + 1, data, author: String(origin), at: 1000 + log.length }));
  return log;
}

const names = async (username: string) => `Name of ${username}`;

describe('restoring §5 to a version', () => {
  it('brings the list back as one forward change that keeps unchanged entries and passes the client rules', () => {
    const doc = seeded();
    const version = readProjectList(doc);
    const kept = entryElements(doc).get('p-wmk25-neu00001')?.element;
    doc.transact(() => {
      entryText(group(doc, 0).get(0) as Y.XmlElement).insert(0, 'Neu: ');
      group(doc, 0).delete(1, 1);
      groupOfType(doc, 4).push([newEntry('p-wmk25-neu00002', 'Später dazu')]);
      projectList(doc).insert(0, [newGroup(1, [newEntry('p-wmk25-neu00003', 'Orientierung')])]);
    });
    const observer = new Y.Doc();
    Y.applyUpdate(observer, Y.encodeStateAsUpdate(doc));
    const verdicts: (string | null)[] = [];
    observer.on('afterTransaction', (tr: Y.Transaction) => verdicts.push(checkBodyTransaction(tr, observer)));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));

    expect(projectListOf(doc)).toEqual(readProjectList(doc));
    doc.transact(() => restoreProjectList(doc, version), 'server');
    expect(updates).toHaveLength(1);
    Y.applyUpdate(observer, updates[0]!);

    expect(readProjectList(doc)).toEqual(version);
    expect(readProjectList(observer)).toEqual(version);
    // History reads §5 from the Yjs types directly; it reads what the editor's conversion reads.
    expect(projectListOf(observer)).toEqual(readProjectList(observer));
    // Even by the rules for clients the change is allowed: it writes §5 only, lineage as recorded.
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set([null]));
    // The entry nobody changed is the same element: its authors and comments stay with it.
    expect(entryElements(doc).get('p-wmk25-neu00001')?.element).toBe(kept);
  });

  it('changes nothing when the list already is the version', () => {
    const doc = seeded();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.transact(() => restoreProjectList(doc, LIST));
    expect(updates).toEqual([]);
  });
});

describe('attribution from the update log', () => {
  it('names the creator of an entry through a move, and the last to change it, counting a delete set sent again only once', async () => {
    const server = seeded();
    const log = logged(server);
    const district = new Y.Doc();
    const ministry = new Y.Doc();
    for (const client of [district, ministry]) Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const send = (from: Y.Doc, author: string, change: () => void) => {
      const before = Y.encodeStateVector(from);
      from.transact(change);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(from, before), author);
    };
    send(district, 'wmk-referat', () => groupOfType(district, 3).push([newEntry('p-wmk25-neu00009', 'Vom Kreis')]));
    Y.applyUpdate(ministry, Y.encodeStateAsUpdate(server));
    send(ministry, 'hmsi-referat', () => entryText(entryElements(ministry).get('p-wmk25-neu00009')!.element).insert(0, 'Geprüft: '));
    Y.applyUpdate(district, Y.encodeStateAsUpdate(server));
    // The district moves its entry to group 4 (deleted and re-created with the same id).
    send(district, 'wmk-referat', () => {
      const g3 = groupOfType(district, 3);
      g3.delete(g3.length - 1, 1);
      groupOfType(district, 4).push([newEntry('p-wmk25-neu00009', 'Geprüft: Vom Kreis')]);
    });
    // The ministry deletes a word of DREIplus; then reconnects and sends its whole state again.
    Y.applyUpdate(ministry, Y.encodeStateAsUpdate(server));
    send(ministry, 'hmsi-referat', () => entryText(entryElements(ministry).get('p-wmk25-dreiplus')!.element).delete(0, 4));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(ministry), 'hmsi-referat');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(district), 'wmk-referat');

    const index = new DocumentUpdateIndex();
    index.add(log);
    const attributed = new Map((await entryAttribution(server, index, names)).map((entry) => [entry.entryId, entry]));
    expect(attributed.get('p-wmk25-neu00009')).toMatchObject({
      createdBy: { username: 'wmk-referat', name: 'Name of wmk-referat' },
      createdAt: 1001,
      changedBy: { username: 'wmk-referat' },
      changedAt: 1003,
    });
    expect(attributed.get('p-wmk25-dreiplus')).toMatchObject({ createdBy: { username: 'system' }, changedBy: { username: 'hmsi-referat' }, changedAt: 1004 });
    expect(attributed.get('p-wmk25-letswork')).toMatchObject({ createdBy: { username: 'system' }, changedBy: { username: 'system' }, changedAt: 1000 });
    // Adding the same log again changes nothing.
    index.add(log);
    expect((await entryAttribution(server, index, names)).find((e) => e.entryId === 'p-wmk25-dreiplus')?.changedAt).toBe(1004);
  });

  it('names who typed a new title and who moved the entry, when one renamed it and the other moved it afterwards', async () => {
    const server = seeded();
    const log = logged(server);
    const from = Y.encodeStateAsUpdate(server);
    const district = new Y.Doc();
    Y.applyUpdate(district, from);
    const edit = (author: string, change: () => void) => {
      const before = Y.encodeStateVector(district);
      district.transact(change);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(district, before), author);
    };
    // The district types into Let's work; then the ministry (same document here) moves it to group 4.
    edit('wmk-referat', () => entryText(entryElements(district).get('p-wmk25-letswork')!.element).insert("Let's work".length, ' 2025'));
    edit('hmsi-referat', () => {
      const g3 = groupOfType(district, 3);
      g3.delete(1, 1);
      const moved = newEntry('p-wmk25-letswork', "Let's work 2025");
      moved.setAttribute('carriedFrom', 'p-wmk24-letswork');
      groupOfType(district, 4).push([moved]);
    });
    const index = new DocumentUpdateIndex();
    index.add(log);
    const a = new Y.Doc();
    Y.applyUpdate(a, from);
    const plain = diffProjectLists(readProjectList(a), readProjectList(server));
    const { entries: changes } = await attributeDiff({ a, b: server, index, span: { after: 1, upTo: log.length }, nameOf: names }, plain, []);
    expect(changes.map((change) => [change.kind, change.by.map((author) => author.username)])).toEqual([
      ['moved', ['hmsi-referat']],
      ['renamed', ['wmk-referat']],
    ]);
  });
});
