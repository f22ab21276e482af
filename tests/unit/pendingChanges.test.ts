import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OfflineChanges, RESTORED } from '../../client/src/collab/offlineChanges.js';
import { memoryBackend, pendingPrefix, PendingStore, withChange } from '../../client/src/collab/pendingStore.js';
import { unsavedEntryTexts } from '../../client/src/collab/unsavedEntries.js';
import { NODE } from '../../shared/editor/nodes.js';
import { BODY_FIELD } from '../../shared/editor/schema.js';
import { CLOSE, ROOT } from '../../shared/protocol.js';

/** A server document with one Maßnahmenart holding one project. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const entry = new Y.XmlElement(NODE.projectEntry);
  entry.setAttribute('id', 'p-eins');
  entry.insert(0, [new Y.XmlText('Erstes Projekt')]);
  const group = new Y.XmlElement(NODE.measureGroup);
  group.insert(0, [entry]);
  const list = new Y.XmlElement(NODE.projectList);
  list.insert(0, [group]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [list]);
  return doc;
}

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

const group = (doc: Y.Doc) => ((doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement);

/** Adds a project in `doc` (a browser's copy) and returns the update it made. */
function addProject(doc: Y.Doc, id: string, text: string): Uint8Array {
  let made: Uint8Array = new Uint8Array();
  const keep = (update: Uint8Array) => (made = update);
  doc.on('update', keep);
  const entry = new Y.XmlElement(NODE.projectEntry);
  entry.setAttribute('id', id);
  entry.insert(0, [new Y.XmlText(text)]);
  group(doc).push([entry]);
  doc.off('update', keep);
  return made;
}

const texts = (doc: Y.Doc) => group(doc).toArray().map((entry) => (entry as Y.XmlElement).toString());

describe('the pending store', () => {
  it('keys the record by user and agreement, so another user of the browser never gets it', async () => {
    expect(pendingPrefix('wmk-referat', 'aqb-2025-fulda')).not.toBe(pendingPrefix('fd-referat', 'aqb-2025-fulda'));
    expect(pendingPrefix('wmk-referat', 'a')).not.toBe(pendingPrefix('wmk-referat', 'b'));
    const backend = memoryBackend();
    const fail = (error: unknown) => { throw error; };
    await new PendingStore(backend, pendingPrefix('wmk-referat', 'a'), 'tab', fail).add(addProject(copyOf(serverDoc()), 'p-zwei', 'Zwei'));
    expect(await new PendingStore(backend, pendingPrefix('fd-referat', 'a'), 'tab2', fail).adopt()).toBeUndefined();
    expect(await new PendingStore(backend, pendingPrefix('wmk-referat', 'ab'), 'tab2', fail).adopt()).toBeUndefined();
  });

  it('clears only its own tab’s record, and a new tab adopts those of closed ones', async () => {
    const backend = memoryBackend();
    const fail = (error: unknown) => { throw error; };
    const prefix = pendingPrefix('wmk-referat', 'a');
    const [tabA, tabB, next] = ['a', 'b', 'c'].map((id) => new PendingStore(backend, prefix, id, fail));
    if (!tabA || !tabB || !next) throw new Error('three stores');
    const doc = copyOf(serverDoc());
    await tabA.add(addProject(doc, 'p-zwei', 'Zwei'));
    await tabB.add(addProject(doc, 'p-drei', 'Drei'));
    await tabA.clear();
    expect([...backend.records.keys()]).toEqual([tabB.key]);
    await tabA.add(addProject(doc, 'p-vier', 'Vier'));
    const adopted = await next.adopt();
    expect(adopted?.count).toBe(2);
    expect([...backend.records.keys()]).toEqual([next.key]);
  });

  it('merges every change into one update and counts them', () => {
    const doc = serverDoc();
    const tab = copyOf(doc);
    const record = withChange(withChange(undefined, addProject(tab, 'p-zwei', 'Zwei'), 1), addProject(tab, 'p-drei', 'Drei'), 2);
    expect(record.count).toBe(2);
    expect(record.savedAt).toBe(2);
    Y.applyUpdate(doc, record.update);
    expect(texts(doc)).toEqual(texts(tab));
  });

  it('runs add and clear in the order they were asked for', async () => {
    const backend = memoryBackend();
    const store = new PendingStore(backend, 'k', '1', (error) => { throw error; });
    const tab = copyOf(serverDoc());
    void store.add(addProject(tab, 'p-zwei', 'Zwei'));
    void store.clear();
    await store.add(addProject(tab, 'p-drei', 'Drei'));
    expect(backend.records.get(store.key)?.count).toBe(1);
    await store.clear();
    expect(backend.records.has(store.key)).toBe(false);
  });

  it('reports a failing backend and keeps going', async () => {
    const errors: unknown[] = [];
    const failing = { ...memoryBackend(), put: () => Promise.reject(new Error('quota')) };
    const store = new PendingStore(failing, 'k', '1', (error) => errors.push(error));
    await store.add(new Uint8Array([0, 0]));
    expect(await store.load()).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('changes kept from an earlier visit', () => {
  async function earlierVisit(backend = memoryBackend()) {
    const server = serverDoc();
    const closedTab = copyOf(server);
    const store = new PendingStore(backend, 'k', '1', (error) => { throw error; });
    const offline = new OfflineChanges(closedTab, store, () => undefined);
    offline.localChange(addProject(closedTab, 'p-neu', 'Sprachkurs für Zugewanderte'), undefined);
    await store.load();
    expect(offline.kept).toBe(1);
    return { server, backend, store };
  }

  it('are applied to the next visit of a draft, count as pending, and are cleared once all is saved', async () => {
    const { server, backend, store } = await earlierVisit();
    const tab = copyOf(server);
    const origins: unknown[] = [];
    tab.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const offline = new OfflineChanges(tab, store, () => undefined);
    await offline.firstSynced();
    expect(texts(tab).join()).toContain('Sprachkurs für Zugewanderte');
    expect(origins).toEqual([RESTORED]);
    expect(offline.count).toBe(1);
    expect(offline.kept).toBe(1);
    expect(offline.lost).toBeNull();
    offline.allSaved();
    await store.load();
    expect(offline.count).toBe(0);
    expect(offline.kept).toBe(0);
    expect(backend.records.size).toBe(0);
  });

  it('are not applied when the agreement was released meanwhile, but shown with their text until discarded', async () => {
    const { server, backend, store } = await earlierVisit();
    server.getMap(ROOT.agreement).set('status', 'released');
    const tab = copyOf(server);
    const offline = new OfflineChanges(tab, store, () => undefined);
    await offline.firstSynced();
    expect(texts(tab).join()).not.toContain('Sprachkurs');
    expect(offline.lost).toMatchObject({ reason: 'released', count: 1, texts: ['Sprachkurs für Zugewanderte'] });
    offline.allSaved();
    await store.load();
    expect(backend.records.size).toBe(1);
    offline.discardLost();
    await store.load();
    expect(offline.lost).toBeNull();
    expect(backend.records.size).toBe(0);
  });

  it('are shown, not retried on every visit, when the server refuses them after the restore', async () => {
    const { server, store } = await earlierVisit();
    const offline = new OfflineChanges(copyOf(server), store, () => undefined);
    await offline.firstSynced();
    await offline.refused(CLOSE.unauthenticated);
    expect(offline.lost).toBeNull();
    await offline.refused(CLOSE.forbiddenUpdate);
    expect(offline.lost).toMatchObject({ reason: 'refused', count: 1, texts: ['Sprachkurs für Zugewanderte'] });
  });

  it('lists edited entries but not unchanged ones', () => {
    const server = serverDoc();
    const tab = copyOf(server);
    let update: Uint8Array = new Uint8Array();
    tab.on('update', (made: Uint8Array) => (update = made));
    ((group(tab).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(14, ' – erweitert');
    expect(unsavedEntryTexts(server, update)).toEqual(['Erstes Projekt – erweitert']);
  });
});
