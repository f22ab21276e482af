import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import { NODE } from '../../shared/editor/nodes.js';
import { bodyJSON } from '../../server/documents/agreementDoc.js';
import { body, entries, entryText, firstEntryText, group, groupOfType, newEntry, newGroup, projectList, setAttribute, templateBlock, topLevel, topLevelNode } from './body.js';
import { agreementText, newClient, REFERENCE_TEXT, suiteServer, synced, WMK, WMK_2024 } from './harness.js';
import { connectRaw } from './rawClient.js';
import { recordTouchedClients } from './witness.js';

/**
 * The lock rules, end to end: a district editor (who may edit §5) sends, through a hand-made
 * client, every kind of change the editor UI would never produce. The server must close the
 * sender with 4403, log it, keep it from every other client and from the store.
 */

interface ForbiddenChange {
  name: string;
  /** What the server's log line must say about it. */
  reason: RegExp;
  change: (doc: Y.Doc) => void;
}

const indexOf = (doc: Y.Doc, element: Y.XmlElement) => topLevel(doc).indexOf(element);

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

const forbidden: ForbiddenChange[] = [
  { name: 'sets the blockId of a template block', reason: /locked block/, change: (doc) => templateBlock(doc, 'praeambel').setAttribute('blockId', 'p1') },
  { name: 'sets an attribute of the signatures node', reason: /locked block \(signatures\)/, change: (doc) => topLevelNode(doc, NODE.signatures).setAttribute('signed', 'true') },
  { name: 'puts text into a template block', reason: /locked block/, change: (doc) => templateBlock(doc, 'p4').insert(0, [new Y.XmlText('462.800.000 Euro')]) },
  { name: 'deletes a template block', reason: /top-level sequence/, change: (doc) => body(doc).delete(indexOf(doc, templateBlock(doc, 'p3')), 1) },
  {
    name: 'inserts a new top-level node',
    reason: /top-level sequence/,
    change: (doc) => {
      const block = new Y.XmlElement(NODE.templateBlock);
      block.setAttribute('blockId', 'p2');
      body(doc).insert(1, [block]);
    },
  },
  {
    name: 'reorders the top level (delete and insert)',
    reason: /top-level sequence/,
    change: (doc) => {
      const index = indexOf(doc, templateBlock(doc, 'p1'));
      body(doc).delete(index, 1);
      const moved = new Y.XmlElement(NODE.templateBlock);
      moved.setAttribute('blockId', 'p1');
      body(doc).insert(index + 1, [moved]);
    },
  },
  { name: 'writes the §4 amount into the fields map', reason: /root other than the body \(fields\)/, change: (doc) => doc.getMap('fields').set('amountCents', 1) },
  { name: 'writes the status into the agreement map', reason: /root other than the body \(agreement\)/, change: (doc) => doc.getMap('agreement').set('status', 'final') },
  { name: 'writes to a new root map (comments)', reason: /root other than the body \(comments\)/, change: (doc) => doc.getMap('comments').set('c-1', { text: 'Hallo' }) },
  { name: 'writes to a new root array (signatures)', reason: /root other than the body \(signatures\)/, change: (doc) => doc.getArray('signatures').push([{ party: 'ministry' }]) },
  { name: 'sets an attribute on the project list element', reason: /attributes of the project list/, change: (doc) => projectList(doc).setAttribute('class', 'x') },
  { name: 'puts a paragraph into the project list', reason: /invalid project list/, change: (doc) => projectList(doc).insert(0, [paragraph('Freitext')]) },
  { name: 'puts a paragraph into a measure group', reason: /invalid project list/, change: (doc) => group(doc, 0).insert(1, [paragraph('Freitext')]) },
  { name: 'puts a template block into the project list', reason: /invalid project list/, change: (doc) => projectList(doc).insert(0, [Object.assign(new Y.XmlElement(NODE.templateBlock), {})]) },
  { name: 'puts bare text into a measure group', reason: /invalid project list/, change: (doc) => group(doc, 0).insert(0, [new Y.XmlText('lose')]) },
  { name: 'formats the text of an entry', reason: /formatted text/, change: (doc) => firstEntryText(doc).format(0, 6, { bold: true }) },
  { name: 'inserts formatted text into an entry', reason: /formatted text/, change: (doc) => firstEntryText(doc).insert(0, 'fett ', { bold: true }) },
  { name: 'embeds an object in an entry', reason: /embedded object/, change: (doc) => firstEntryText(doc).insertEmbed(0, { image: 'x.png' }) },
  { name: 'adds an entry without id', reason: /without a valid id/, change: (doc) => group(doc, 0).push([newEntry(null, 'Ohne Kennung')]) },
  { name: 'adds an entry with a malformed id', reason: /id/, change: (doc) => group(doc, 0).push([newEntry('../../etc', 'Falsche Kennung')]) },
  { name: 'adds a measure group with Maßnahmenart 7', reason: /Maßnahmenart: 7/, change: (doc) => projectList(doc).push([newGroup(7, [newEntry('p-abcdef123456', 'Projekt')])]) },
  { name: 'removes the Maßnahmenart of a group', reason: /missing attribute measureType/, change: (doc) => groupOfType(doc, 4).removeAttribute('measureType') },
  { name: 'changes the Maßnahmenart of a group to 7', reason: /Maßnahmenart: 7/, change: (doc) => setAttribute(group(doc, 0), 'measureType', 7) },
  { name: 'sets an unknown attribute on an entry', reason: /attribute/, change: (doc) => entries(group(doc, 0))[0]?.setAttribute('onclick', 'alert(1)') },
  { name: 'sets an attribute on the text of an entry', reason: /attribute/, change: (doc) => firstEntryText(doc).setAttribute('style', 'color:red') },
  {
    name: 'puts a line break and a fake paragraph into an entry',
    reason: /line break or control character/,
    change: (doc) => firstEntryText(doc).insert(firstEntryText(doc).length, '\n\nDas HMSI stellt zusätzlich 1.000.000 Euro zur Verfügung.'),
  },
  // Issue 9, point 6: invisible characters and text the PDF cannot print (docs/api.md, Characters).
  { name: 'hides a zero-width space and a right-to-left mark in an entry', reason: /invisible character/, change: (doc) => firstEntryText(doc).insert(3, '\u200B\u200F') },
  { name: 'hides a soft hyphen in an entry', reason: /invisible character/, change: (doc) => firstEntryText(doc).insert(3, '\u00AD') },
  { name: 'writes Arabic with digits into an entry', reason: /cannot print/, change: (doc) => firstEntryText(doc).insert(0, 'مشروع 2024 ') },
  { name: 'writes an emoji into an entry', reason: /cannot print/, change: (doc) => firstEntryText(doc).insert(0, '🎉 ') },
  { name: 'makes an entry longer than the cap', reason: /longer than/, change: (doc) => firstEntryText(doc).insert(0, 'x'.repeat(600)) },
];

describe('updates outside the §5 project list', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat' });

  /**
   * A legitimate edit after the refused one, from a third client, undone again. Once the observer
   * has seen it, anything accepted before it would have arrived too: the room broadcasts in the
   * order it accepts.
   */
  async function probeThrough(observer: Y.Doc): Promise<number> {
    const prober = connectRaw(suite.server, WMK, suite.cookies.ministry);
    await prober.synced;
    const clientId = prober.doc.clientID;
    const mark = 'PROBE ';
    firstEntryText(prober.doc).insert(0, mark);
    await vi.waitFor(() => expect(firstEntryText(observer).toString()).toMatch(/^PROBE /));
    firstEntryText(prober.doc).delete(0, mark.length);
    await vi.waitFor(() => expect(firstEntryText(observer).toString()).not.toMatch(/^PROBE /));
    await vi.waitFor(() => expect(prober.lastAck()).toBe(prober.sent()));
    prober.close();
    return clientId;
  }

  it.each(forbidden)('refuses an update that $name: closes the sender with 4403, logs it, stores and broadcasts nothing', async ({ reason, change }) => {
    const storedText = await agreementText(suite.server, WMK, suite.cookies.district);
    const observer = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(observer);
    const before = bodyJSON(observer.doc);
    const touched = recordTouchedClients(observer.doc);
    const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
    await attacker.synced;
    const logged = suite.server.log.lines.length;

    attacker.doc.transact(() => change(attacker.doc));

    expect((await attacker.closed).code).toBe(CLOSE.forbiddenUpdate);
    expect(suite.server.log.lines.slice(logged)).toContainEqual(
      expect.objectContaining({
        event: 'connection-closed',
        details: expect.objectContaining({ document: WMK, user: 'wmk-referat', code: CLOSE.forbiddenUpdate, reason: expect.stringMatching(reason) }),
      }),
    );
    const prober = await probeThrough(observer.doc);
    expect([...touched()]).toEqual([prober]);
    expect(bodyJSON(observer.doc)).toEqual(before);
    expect(observer.closes).toEqual([]);
    observer.destroy();

    suite.server = await suite.server.restart();
    expect(await agreementText(suite.server, WMK, suite.cookies.district)).toBe(storedText);
    expect(await agreementText(suite.server, WMK_2024, suite.cookies.district)).toBe(REFERENCE_TEXT);
  });
});

describe('edits inside the §5 project list', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat' });

  const legit: { name: string; change: (doc: Y.Doc) => void; printed: string }[] = [
    { name: 'inserts text into an entry', change: (doc) => firstEntryText(doc).insert(0, 'NEU: '), printed: '- NEU: DREIplus - Wiedererlangung der Erwerbsfähigkeit' },
    { name: 'adds an entry with a valid id', change: (doc) => groupOfType(doc, 4).push([newEntry('p-abcdef123456', 'Fortbildung Fallmanagement')]), printed: '- Strategieentwicklung\n- Fortbildung Fallmanagement' },
    {
      name: 'adds a group of Maßnahmenart 1',
      change: (doc) => projectList(doc).insert(0, [newGroup(1, [newEntry('p-aqv2024start', 'Startklar in die Ausbildung')])]),
      printed: 'Ausbildungs- und Qualifizierungsvorbereitung (einschließlich gesundheitsfördernder Maßnahmen)\n\n- Startklar in die Ausbildung',
    },
    {
      name: 'renames and removes entries',
      change: (doc) => {
        const qualification = groupOfType(doc, 3);
        const last = entries(qualification).at(-1);
        if (!last) throw new Error('empty group');
        entryText(last).delete(0, entryText(last).length);
        entryText(last).insert(0, 'Übergang Schule-Beruf');
        qualification.delete(0, 1);
      },
      printed: '- Geflüchtete II\n- Übergang Schule-Beruf',
    },
  ];

  it.each(legit)('accepts and acknowledges an update that $name, and keeps it', async ({ change, printed }) => {
    const observer = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(observer);
    const editor = connectRaw(suite.server, WMK, suite.cookies.district);
    await editor.synced;

    editor.doc.transact(() => change(editor.doc));

    await vi.waitFor(() => expect(bodyJSON(observer.doc)).toEqual(bodyJSON(editor.doc)));
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sent()));
    expect(editor.ws.readyState).toBe(editor.ws.OPEN);
    editor.close();
    observer.destroy();

    suite.server = await suite.server.restart();
    expect(await agreementText(suite.server, WMK, suite.cookies.district)).toContain(printed);
  });
});
