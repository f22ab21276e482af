import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createPassage, resolvePassage, entryTextType } from '../../shared/comments/anchor.js';
import type { CommentList, CommentThread } from '../../shared/comments/types.js';
import { CLOSE } from '../../shared/protocol.js';
import { entries, entryText, groupOfType, newEntry } from './body.js';
import { createThread, listThreads, openThreads, send, threadsIn } from './commentsClient.js';
import { carriedEntryIds, FULDA, newClient, suiteServer, synced, WMK } from './harness.js';
import { connectRaw } from './rawClient.js';


function entryElement(doc: Y.Doc, id: string): Y.XmlElement {
  for (const type of [1, 2, 3, 4]) {
    try {
      const found = entries(groupOfType(doc, type)).find((entry) => entry.getAttribute('id') === id);
      if (found) return found;
    } catch {
      // This Maßnahmenart is not in the list.
    }
  }
  throw new Error(`no entry ${id}`);
}

describe('comment threads through the API, live in every open document', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat', signatory: 'wmk-landraetin', viewer: 'wmk-gast', fulda: 'fd-referat' });
  // The entries of the 2025 draft, named by the 2024 entries they were carried over from.
  let carried: (previousId: string) => string = () => '';
  let ENTRY = '';
  beforeAll(async () => {
    carried = await carriedEntryIds(suite.server, WMK, suite.cookies.district);
    ENTRY = carried('p-wmk24-letswork');
  });

  it('shows a thread created by a third user in two connected clients at once', async () => {
    const a = newClient(suite.server, WMK, suite.cookies.ministry);
    const b = newClient(suite.server, WMK, suite.cookies.signatory);
    await Promise.all([synced(a), synced(b)]);

    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: ENTRY, text: 'Bitte den Träger ergänzen, @hmsi-referat.' });

    for (const client of [a, b]) {
      await vi.waitFor(() => expect(threadsIn(client.doc).get(thread.id)?.comments[0]?.text).toBe('Bitte den Träger ergänzen, @hmsi-referat.'));
    }
    const seen = threadsIn(a.doc).get(thread.id);
    expect(seen).toMatchObject({ entryId: ENTRY, entryTitle: "Let's work", status: 'open' });
    expect(seen?.comments[0]?.author).toEqual({ username: 'wmk-referat', displayName: expect.any(String), party: 'district', partyLabel: 'Werra-Meißner-Kreis' });
    expect(seen?.comments[0]?.mentions).toEqual(['hmsi-referat']);
    expect(a.closes).toEqual([]);
    a.destroy();
    b.destroy();
  });

  it('lets the other party reply, resolve and reopen, and counts open threads in the agreement', async () => {
    const before = await openThreads(suite.server, suite.cookies.ministry, WMK);
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: carried('p-wmk24-gefl1'), text: 'Laufzeit?' });
    expect(await openThreads(suite.server, suite.cookies.ministry, WMK)).toBe(before + 1);

    const reply = await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/replies`, { text: '  Zwölf Monate.\r\n' });
    expect(reply.status).toBe(201);
    expect((reply.json as CommentThread).comments.map((c) => [c.author.party, c.text])).toEqual([
      ['district', 'Laufzeit?'],
      ['ministry', 'Zwölf Monate.'],
    ]);

    const resolved = await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/resolve`);
    expect(resolved.json).toMatchObject({ status: 'resolved', resolvedBy: { username: 'hmsi-referat' } });
    expect(await openThreads(suite.server, suite.cookies.district, WMK)).toBe(before);

    const reopened = await send(suite.server, suite.cookies.signatory, 'POST', `/agreements/${WMK}/comments/${thread.id}/reopen`);
    expect(reopened.json).toMatchObject({ status: 'open', resolvedBy: null });
    expect(await openThreads(suite.server, suite.cookies.district, WMK)).toBe(before + 1);
  });

  it('lets authors edit and delete their own comments only; a thread without comments disappears', async () => {
    const observer = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(observer);
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: carried('p-wmk24-gefl2'), text: 'Entwurf' });
    const first = thread.comments[0]?.id ?? '';
    const path = `/agreements/${WMK}/comments/${thread.id}/comments/${first}`;

    const foreign = await send(suite.server, suite.cookies.ministry, 'PATCH', path, { text: 'Übernommen' });
    expect(foreign).toEqual({ status: 403, json: { error: 'Sie können nur Ihre eigenen Kommentare bearbeiten.' } });
    expect((await send(suite.server, suite.cookies.ministry, 'DELETE', path)).status).toBe(403);

    const edited = await send(suite.server, suite.cookies.district, 'PATCH', path, { text: 'Endfassung' });
    expect((edited.json as CommentThread).comments[0]).toMatchObject({ text: 'Endfassung', editedAt: expect.any(Number) });
    await vi.waitFor(() => expect(threadsIn(observer.doc).get(thread.id)?.comments[0]?.text).toBe('Endfassung'));

    const reply = await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/replies`, { text: 'Danke' });
    const replyId = (reply.json as CommentThread).comments[1]?.id ?? '';
    const deleted = await send(suite.server, suite.cookies.district, 'DELETE', path);
    expect((deleted.json as { thread: CommentThread }).thread.comments[0]).toMatchObject({ deleted: true, text: '' });

    const last = await send(suite.server, suite.cookies.ministry, 'DELETE', `/agreements/${WMK}/comments/${thread.id}/comments/${replyId}`);
    expect(last).toEqual({ status: 200, json: { thread: null } });
    await vi.waitFor(() => expect(threadsIn(observer.doc).has(thread.id)).toBe(false));
    expect((await listThreads(suite.server, suite.cookies.district, WMK)).threads.map((t) => t.id)).not.toContain(thread.id);
    observer.destroy();
  });

  it('refuses empty, overlong and garbled comments with German messages', async () => {
    const post = (body: unknown) => send(suite.server, suite.cookies.district, 'POST', `/agreements/${WMK}/comments`, body);
    expect(await post({ entryId: ENTRY, text: '   \n ' })).toEqual({ status: 400, json: { error: 'Bitte einen Kommentar eingeben.' } });
    expect(await post({ entryId: ENTRY, text: 'x'.repeat(5001) })).toEqual({
      status: 400,
      json: { error: 'Ein Kommentar darf höchstens 5.000 Zeichen lang sein (dieser hat 5.001).' },
    });
    expect(await post({ entryId: ENTRY, text: 'gegen\u202Eläufig' })).toEqual({ status: 400, json: { error: 'Der Kommentar enthält unzulässige Steuerzeichen.' } });
    expect(await post({ entryId: ENTRY, text: 42 })).toEqual({ status: 400, json: { error: 'Bitte einen Kommentar eingeben.' } });
    expect((await post({ entryId: 'p-gibt-es-nicht', text: 'Hallo' })).status).toBe(404);
    expect((await post({ entryId: ENTRY, text: 'Hallo', passage: { start: '!!', end: '!!', quote: 'x' } })).status).toBe(400);
    expect((await post({ entryId: ENTRY, text: 'Hallo', html: '<b>x</b>' })).status).toBe(400);
  });

  it('keeps comment text as plain text: markup is stored and returned as typed', async () => {
    const text = '<img src=x onerror=alert(1)> & <b>fett</b>';
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: ENTRY, text });
    expect(thread.comments[0]?.text).toBe(text);
  });

  it('lets the viewer read but not write comments', async () => {
    const list = await send(suite.server, suite.cookies.viewer, 'GET', `/agreements/${WMK}/comments`);
    expect(list.status).toBe(200);
    expect((list.json as CommentList).threads.length).toBeGreaterThan(0);
    const refused = await send(suite.server, suite.cookies.viewer, 'POST', `/agreements/${WMK}/comments`, { entryId: ENTRY, text: 'Frage' });
    expect(refused).toEqual({ status: 403, json: { error: 'Mit Lesezugriff können Sie Kommentare lesen, aber nicht schreiben.' } });
    const someThread = (list.json as CommentList).threads[0]?.id ?? '';
    expect((await send(suite.server, suite.cookies.viewer, 'POST', `/agreements/${WMK}/comments/${someThread}/resolve`)).status).toBe(403);
  });

  it('keeps another district out: it can neither read nor write the comments of an agreement not its own', async () => {
    const thread = (await listThreads(suite.server, suite.cookies.district, WMK)).threads[0];
    const refusals = await Promise.all([
      send(suite.server, suite.cookies.fulda, 'GET', `/agreements/${WMK}/comments`),
      send(suite.server, suite.cookies.fulda, 'GET', `/agreements/${WMK}/participants`),
      send(suite.server, suite.cookies.fulda, 'POST', `/agreements/${WMK}/comments`, { entryId: ENTRY, text: 'Wir auch' }),
      send(suite.server, suite.cookies.fulda, 'POST', `/agreements/${WMK}/comments/${thread?.id ?? ''}/replies`, { text: 'Wir auch' }),
      send(suite.server, suite.cookies.fulda, 'POST', `/agreements/${WMK}/comments/${thread?.id ?? ''}/resolve`),
      send(suite.server, suite.cookies.district, 'GET', `/agreements/${FULDA}/comments`),
      send(suite.server, suite.cookies.district, 'POST', `/agreements/${FULDA}/comments`, { entryId: 'p-fd24-startklar', text: 'Hallo' }),
    ]);
    for (const refusal of refusals) expect(refusal).toEqual({ status: 403, json: { error: 'Sie haben keinen Zugriff auf diese Vereinbarung.' } });
    // A thread id of one agreement does not open a thread of another.
    const ownFulda = await createThread(suite.server, suite.cookies.fulda, FULDA, { entryId: 'p-fd24-startklar', text: 'Nur Fulda' });
    expect((await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${ownFulda.id}/resolve`)).status).toBe(404);
    expect((await listThreads(suite.server, suite.cookies.ministry, WMK)).threads.map((t) => t.id)).not.toContain(ownFulda.id);
  });

  it('offers the participants of the agreement for mentions: the ministry and the district who may comment, no viewer, no other district', async () => {
    const { json } = await send(suite.server, suite.cookies.district, 'GET', `/agreements/${WMK}/participants`);
    const names = (json as { username: string }[]).map((p) => p.username).sort();
    expect(names).toEqual(['hmsi-ministerin', 'hmsi-referat', 'wmk-landraetin', 'wmk-referat']);
  });

  it('closes a client that writes comment state over the websocket with 4403 and keeps it from everyone', async () => {
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: ENTRY, text: 'Original' });
    const observer = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(observer);
    await vi.waitFor(() => expect(threadsIn(observer.doc).has(thread.id)).toBe(true));

    for (const forge of [
      (doc: Y.Doc) => doc.getMap('comments').set(thread.id, { ...thread, status: 'resolved' }),
      (doc: Y.Doc) => doc.getMap('comments').set('t-forged', { ...thread, id: 't-forged' }),
      (doc: Y.Doc) => doc.getMap('comments').delete(thread.id),
    ]) {
      const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
      await attacker.synced;
      forge(attacker.doc);
      expect((await attacker.closed).code).toBe(CLOSE.forbiddenUpdate);
    }
    // A later command arrives; the forged states never did.
    await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/replies`, { text: 'Echt' });
    await vi.waitFor(() => expect(threadsIn(observer.doc).get(thread.id)?.comments).toHaveLength(2));
    expect(threadsIn(observer.doc).get(thread.id)?.status).toBe('open');
    expect(threadsIn(observer.doc).has('t-forged')).toBe(false);
    expect(observer.closes).toEqual([]);
    observer.destroy();
  });

  it('keeps a passage anchored while the entry is edited before it, and finds it again after a move', async () => {
    const editor = newClient(suite.server, WMK, suite.cookies.district);
    await synced(editor);
    const text = entryText(entryElement(editor.doc, carried('p-wmk24-dreiplus')));
    const at = text.toString().indexOf('Wiedererlangung');
    const passage = createPassage(text, at, at + 'Wiedererlangung'.length);
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: carried('p-wmk24-dreiplus'), text: 'Begriff?', passage });
    expect(thread.passage?.quote).toBe('Wiedererlangung');

    text.insert(0, 'Projekt ');
    const observer = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(observer);
    await vi.waitFor(() => expect(entryTextType(observer.doc, carried('p-wmk24-dreiplus'))?.toString()).toMatch(/^Projekt DREIplus/));
    const type = entryTextType(observer.doc, carried('p-wmk24-dreiplus'));
    if (!type) throw new Error('entry gone');
    const resolved = resolvePassage(observer.doc, type, thread.passage ?? passage);
    expect(resolved && type.toString().slice(resolved.from, resolved.to)).toBe('Wiedererlangung');
    expect(resolved?.how).toBe('positions');
    editor.destroy();
    observer.destroy();
  });

  it('keeps threads attached to an entry that is edited, moved to another Maßnahmenart, and deleted', async () => {
    const editor = newClient(suite.server, WMK, suite.cookies.district);
    await synced(editor);
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: carried('p-wmk24-uebergang'), text: 'Zuordnung prüfen' });
    const find = async () => (await listThreads(suite.server, suite.cookies.ministry, WMK)).threads.find((t) => t.id === thread.id);

    entryText(entryElement(editor.doc, carried('p-wmk24-uebergang'))).insert('Übergangsmanagement'.length, ' Schule–Beruf');
    await vi.waitFor(async () => expect(await find()).toMatchObject({ entryTitle: 'Übergangsmanagement Schule–Beruf', entryDeleted: false }));

    // A move as the editor makes it: the entry is deleted in group 3 and re-created, same id, in group 4.
    editor.doc.transact(() => {
      const source = entryElement(editor.doc, carried('p-wmk24-uebergang'));
      const group = source.parent as Y.XmlElement;
      group.delete(group.toArray().indexOf(source), 1);
      const moved = newEntry(carried('p-wmk24-uebergang'), 'Übergangsmanagement Schule–Beruf');
      // Its lineage travels with it, as the editor's move keeps every attribute.
      moved.setAttribute('carriedFrom', 'p-wmk24-uebergang');
      groupOfType(editor.doc, 4).insert(0, [moved]);
    });
    await vi.waitFor(async () => expect(await find()).toMatchObject({ entryTitle: 'Übergangsmanagement Schule–Beruf', entryDeleted: false }));
    expect(editor.closes).toEqual([]);

    entryText(entryElement(editor.doc, carried('p-wmk24-uebergang'))).insert(0, 'Neu: ');
    await vi.waitFor(async () => expect((await find())?.entryTitle).toBe('Neu: Übergangsmanagement Schule–Beruf'));
    editor.doc.transact(() => {
      const entry = entryElement(editor.doc, carried('p-wmk24-uebergang'));
      const group = entry.parent as Y.XmlElement;
      group.delete(group.toArray().indexOf(entry), 1);
    });
    await vi.waitFor(async () => expect(await find()).toMatchObject({ entryTitle: 'Neu: Übergangsmanagement Schule–Beruf', entryDeleted: true, status: 'open' }));
    // Every open document names the deleted entry by its last title too, also after a reload.
    const reader = newClient(suite.server, WMK, suite.cookies.ministry);
    await synced(reader);
    await vi.waitFor(() => expect(threadsIn(reader.doc).get(thread.id)?.entryTitle).toBe('Neu: Übergangsmanagement Schule–Beruf'));
    // It can still be answered and resolved.
    expect((await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/resolve`)).status).toBe(200);
    editor.destroy();
    reader.destroy();
  });

  it('keeps threads, replies and their state across a restart', async () => {
    const thread = await createThread(suite.server, suite.cookies.district, WMK, { entryId: carried('p-wmk24-aktiv'), text: 'Vor dem Neustart' });
    await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${thread.id}/replies`, { text: 'Antwort' });
    const before = await listThreads(suite.server, suite.cookies.ministry, WMK);

    suite.server = await suite.server.restart();

    expect(await listThreads(suite.server, suite.cookies.ministry, WMK)).toEqual(before);
    expect(await openThreads(suite.server, suite.cookies.ministry, WMK)).toBe(before.openThreads);
    const client = newClient(suite.server, WMK, suite.cookies.district);
    await synced(client);
    expect(threadsIn(client.doc).get(thread.id)?.comments.map((c) => c.text)).toEqual(['Vor dem Neustart', 'Antwort']);
    client.destroy();
  });
});
